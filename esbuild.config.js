// Builds the tutor into dist/: the CLI and TUI as ES modules (cli.js, from src/cli/main.ts, and
// the chunks it loads when needed), the sandbox process's entry and the type-checker's worker,
// which must stay files of their own (each runs in a process of its own; the sandbox may read no
// file but its entry). bin/logreg-tutor.js imports cli.js after turning on Node's compile cache,
// so a start reads back the bytecode of the last one.
//
// `node esbuild.config.js [--outdir DIR] [--metafile FILE] [--sourcemap]`: DIR instead of dist/;
// esbuild's metafile (what went into which output) written to FILE; source maps beside the
// output, which LOGREG_TUTOR_DEBUG=1 also turns on. Without them nothing ships but the tutor.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { thirdPartyNotices } from './build/third-party-notices.js';
import { yogaFromFile } from './build/yoga-plugin.js';

const { values: options } = parseArgs({
  options: {
    outdir: { type: 'string' },
    metafile: { type: 'string' },
    sourcemap: { type: 'boolean', default: false },
  },
});
const root = import.meta.dirname;
const outdir = path.resolve(options.outdir ?? path.join(root, 'dist'));
const sourcemap = options.sourcemap || process.env.LOGREG_TUTOR_DEBUG === '1';

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
  absWorkingDir: root,
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

const tutor = await build({
  ...common,
  sourcemap,
  metafile: true,
  splitting: true,
  plugins: [yogaFromFile(outdir)],
  chunkNames: '[name]-[hash]',
  entryPoints: {
    cli: 'src/cli/main.ts',
    'typecheck-worker': 'src/engine/typecheck-worker.js',
  },
});
writeFileSync(
  path.join(outdir, 'THIRD-PARTY-NOTICES.txt'),
  thirdPartyNotices(tutor.metafile, root),
);
if (options.metafile) writeFileSync(options.metafile, `${JSON.stringify(tutor.metafile)}\n`);

// The sandbox process's entry: one self-contained file (the process may read no other).
await build({
  ...common,
  entryPoints: { 'sandbox-child': 'src/engine/sandbox-child.cjs' },
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  banner: {},
});

// The lessons, validated here once: dist/lessons-validated.json lists each file that passed, by
// the hash of its text, and the tutor takes a file that still matches without validating it
// again (src/lessons/load.ts, `ValidatedFiles`). Bad lesson content fails the build, by file
// and field, as it would fail the tutor; so does a lesson.json whose `checks` are not the names
// its checks.ts implements, in order (the tutor would find out only when a check runs).
// One file per build, so two builds at once (into two folders) do not share it.
const validator = path.join(
  root,
  'node_modules',
  '.cache',
  'logreg-tutor',
  `validate-lessons-${process.pid}.js`,
);
await build({
  ...common,
  outdir: undefined,
  splitting: false,
  minify: false,
  stdin: {
    contents: [
      "export { validateLessons } from './src/lessons/load.ts';",
      "export { checksByLesson } from './lessons/checks.ts';",
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  outfile: validator,
});
const { validateLessons, checksByLesson } = await import(pathToFileURL(validator).href);
rmSync(validator);
writeFileSync(
  path.join(outdir, 'lessons-validated.json'),
  `${JSON.stringify(validateLessons(path.join(root, 'lessons'), checksByLesson), null, 2)}\n`,
);
