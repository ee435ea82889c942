// `npm run bench [-- --json FILE] [--runs N] [--quick]`: bundles the benchmark (bench.ts) with
// esbuild, as the tutor itself is built, and runs it. The figures and targets are in bench.ts.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const repo = path.resolve(import.meta.dirname, '../..');
const outfile = path.join(repo, 'node_modules', '.cache', 'logreg-tutor-bench', 'bench.mjs');
await build({
  absWorkingDir: repo,
  entryPoints: ['tests/bench/bench.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
