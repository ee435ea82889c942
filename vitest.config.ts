import { tmpdir } from 'node:os';
import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    // A student's workspace (`npm start` creates ./logreg-lab) is theirs, never the project's.
    exclude: [...configDefaults.exclude, '**/logreg-lab/**'],
    // Tests never touch the real home folder: every store lives in a temp dir (see tests/helpers).
    // Node's compile cache (bin/logreg-tutor.js) goes to a temp folder too, not ~/.cache.
    env: { NO_COLOR: '1', LOGREG_TUTOR_CACHE_DIR: path.join(tmpdir(), 'logreg-tutor-test-cache') },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
