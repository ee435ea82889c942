// Builds the tutor into dist/: the CLI and TUI as one ES module (cli.js), and the two workers,
// which must stay files of their own (the sandbox's runs in a thread of its own, the
// type-checker in a process of its own). bin/logreg-tutor.js imports cli.js after turning on
// Node's compile cache, so a start reads back the bytecode of the last one.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const outdir = path.join(import.meta.dirname, 'dist');

const banner = [
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  "import { createRequire as __logregCreateRequire } from 'node:module';",
  'const require = __logregCreateRequire(import.meta.url);',
].join('\n');

// The build starts from an empty folder, so nothing of an earlier build is left to ship.
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

/** @type {import('esbuild').BuildOptions} */
const common = {
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  // Smaller bundles parse faster when the compile cache is empty (the first start, a new Node).
  minify: true,
  target: 'node22',
  banner: { js: banner },
  define: { 'process.env.NODE_ENV': '"production"' },
  // esbuild's native binary and TypeScript's compiler are loaded at run time, not bundled.
  // Ink imports the React devtools only when DEV=true and the package is installed; splitting
  // keeps that import in a chunk of its own, loaded only then.
  external: ['esbuild', 'typescript', 'react-devtools-core'],
  logLevel: 'warning',
};

await build({
  ...common,
  splitting: true,
  chunkNames: '[name]-[hash]',
  entryPoints: {
    cli: 'src/cli.tsx',
    'sandbox-worker': 'src/engine/sandbox-worker.js',
    'typecheck-worker': 'src/engine/typecheck-worker.js',
  },
});

// The lessons, validated here once: dist/lessons-validated.json lists each file that passed, by
// the hash of its text, and the tutor takes a file that still matches without validating it
// again (src/lessons/load.ts, `ValidatedFiles`). Bad lesson content fails the build, by file
// and field, as it would fail the tutor.
const validator = path.join(
  import.meta.dirname,
  'node_modules',
  '.cache',
  'logreg-tutor',
  'validate-lessons.js',
);
await build({
  ...common,
  outdir: undefined,
  splitting: false,
  minify: false,
  stdin: {
    contents: "export { validateLessons } from './src/lessons/load.ts';",
    resolveDir: import.meta.dirname,
    loader: 'ts',
  },
  outfile: validator,
});
const { validateLessons } = await import(pathToFileURL(validator).href);
writeFileSync(
  path.join(outdir, 'lessons-validated.json'),
  `${JSON.stringify(validateLessons(path.join(import.meta.dirname, 'lessons')), null, 2)}\n`,
);
