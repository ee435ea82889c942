import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    // Tests never touch the real home folder: every store lives in a temp dir (see tests/helpers).
    env: { NO_COLOR: '1' },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
