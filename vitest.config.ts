import { tmpdir } from 'node:os';
import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

// A student's workspace (`npm start` creates ./logreg-lab) is theirs, never the project's.
const exclude = [...configDefaults.exclude, '**/logreg-lab/**'];
// Tests that load the machine on purpose (busy processes, a disk kept fsyncing) run in a project
// of their own, after every other project has finished, so that their load slows no other test.
const underLoad = ['tests/e2e/resilience.test.ts'];

export default defineConfig({
  test: {
    // Tests never touch the real home folder: every store lives in a temp dir (see tests/helpers).
    // Node's compile cache (bin/logreg-tutor.js) goes to a temp folder too, not ~/.cache.
    env: { NO_COLOR: '1', LOGREG_TUTOR_CACHE_DIR: path.join(tmpdir(), 'logreg-tutor-test-cache') },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'tests',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: [...exclude, ...underLoad],
          // Not 0: with one worker (two cores), vitest runs a project of group 0 last of all.
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: { name: 'under load', include: underLoad, exclude, sequence: { groupOrder: 2 } },
      },
    ],
  },
});
