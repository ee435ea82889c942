#!/usr/bin/env node
// The logreg-tutor command: refuses a Node older than the tutor needs, in one line, then starts
// the built tutor with Node's compile cache on, so a start reads back the last one's bytecode.
import { existsSync } from 'node:fs';
import module from 'node:module';
import envPaths from 'env-paths';

// Kept in step with package.json's engines (a test holds them together). Checked before the
// tutor's own code loads, so an old Node shows this line rather than a SyntaxError.
const floor = [22, 13, 0];
const [major = 0, minor = 0, patch = 0] = process.versions.node.split('.').map(Number);
if ((major - floor[0] || minor - floor[1] || patch - floor[2]) < 0) {
  console.error(`logreg-tutor needs Node ≥ ${floor.join('.')}; this is ${process.versions.node}`);
  process.exit(1);
}

// The cache lives in the user's cache folder, never in the installed package: an install may be
// read-only, and one cache per user keeps users apart. A cache that cannot be written is no
// cache: the tutor starts all the same.
module.enableCompileCache(
  process.env.LOGREG_TUTOR_CACHE_DIR || envPaths('logreg-tutor', { suffix: '' }).cache,
);

// dist/cli.js is src/cli/main.ts built (esbuild.config.js).
const cli = new URL('../dist/cli.js', import.meta.url);
try {
  await import(cli.href);
} catch (error) {
  // An install from git gets no build: npm prepares a git dependency with `prepare` alone, and
  // the package builds on `prepack` (see the README). Say so rather than show a module error.
  if (
    /** @type {{ code?: string }} */ (error).code === 'ERR_MODULE_NOT_FOUND' &&
    !existsSync(cli)
  ) {
    console.error(
      'logreg-tutor: this copy was never built (it has no dist/); install it from a packed tarball, as the README says.',
    );
    process.exit(1);
  }
  throw error;
}
