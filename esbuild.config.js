// Builds the tutor into dist/: the CLI and TUI bundled into one classic script, tutor-HASH.cjs,
// which cli.js (src/launch.ts) runs through V8's code cache (see there why); and the two
// workers, which must stay files of their own: the sandbox's runs in a thread of its own, the
// type-checker in a process of its own. The sources are ES modules; only the build output of
// the tutor itself is CommonJS.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const outdir = path.join(import.meta.dirname, 'dist');

const banner = [
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  "import { createRequire as __logregCreateRequire } from 'node:module';",
  'const require = __logregCreateRequire(import.meta.url);',
].join('\n');

/**
 * Packages the built tutor replaces with files of its own, where the package named by `in`
 * imports them (and only there: a substitute may import the real package). Each file says why.
 * @type {{ packages: string[], file: string, in: string }[]}
 */
const substitutes = [
  // conf imports ajv at its top but needs it only for a JSON schema, which the store does not
  // give it (it validates with zod).
  { packages: ['ajv/dist/2020.js', 'ajv-formats'], file: 'src/progress/no-ajv.js', in: 'conf' },
  // Ink redoes, for every frame, per-line work it caches for that frame only: measuring each
  // line's width and splitting it into styled characters, grapheme by grapheme. These are quick
  // for the tutor's text and remember the work across frames.
  { packages: ['string-width'], file: 'src/ui/string-width.js', in: 'ink' },
  { packages: ['widest-line'], file: 'src/ui/widest-line.js', in: 'ink' },
  { packages: ['@alcalzone/ansi-tokenize'], file: 'src/ui/ansi-tokenize.js', in: 'ink' },
  // Ink imports the React devtools only when DEV is set; never ship them.
  { packages: ['react-devtools-core'], file: 'src/ui/devtools-stub.js', in: 'ink' },
  // Ink's layout engine, loaded from dist/yoga.wasm rather than a data: URL (see `yogaWasm`).
  { packages: ['yoga-layout'], file: 'src/ui/yoga.js', in: 'ink' },
  // marked-terminal imports syntax colouring and emoji that the lessons never use.
  {
    packages: ['cli-highlight', 'node-emoji'],
    file: 'src/ui/plain-markdown.js',
    in: 'marked-terminal',
  },
];

/** @type {import('esbuild').Plugin} */
const substitute = {
  name: 'substitute',
  setup(build) {
    const byPackage = new Map(
      substitutes.flatMap((entry) => entry.packages.map((name) => [name, entry])),
    );
    const names = [...byPackage.keys()].map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    build.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => {
      const entry = byPackage.get(args.path);
      const importer = new RegExp(`[\\\\/]node_modules[\\\\/]${entry?.in}[\\\\/]`);
      return entry && importer.test(args.importer)
        ? { path: path.join(import.meta.dirname, entry.file) }
        : undefined;
    });
  },
};

// Yoga's loader carries its WebAssembly as a base64 data: URL (~120 KB of JavaScript to parse,
// decoded through fetch at every start). The substitute above passes the bytes from a file
// instead: write them to dist/yoga.wasm and drop the URL from the bundle. The substitute also
// imports the loader's files by path, which the package's exports map does not list.
const yogaDir = path.resolve(
  path.dirname(createRequire(import.meta.url).resolve('yoga-layout')),
  '..',
);
const yogaLoader = path.join(yogaDir, 'binaries', 'yoga-wasm-base64-esm.js');

/** @type {import('esbuild').Plugin} */
const yogaWasm = {
  name: 'yoga-wasm',
  setup(build) {
    build.onResolve({ filter: /^yoga-layout\/dist\// }, (args) => ({
      path: path.join(yogaDir, args.path.slice('yoga-layout/dist/'.length)),
    }));
    build.onLoad({ filter: /yoga-wasm-base64-esm\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const dataUrl = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/;
      const base64 = dataUrl.exec(source)?.[1];
      if (args.path !== yogaLoader || base64 === undefined)
        throw new Error(`Expected Yoga's WebAssembly as a data: URL in ${yogaLoader}`);
      mkdirSync(outdir, { recursive: true });
      writeFileSync(path.join(outdir, 'yoga.wasm'), Buffer.from(base64, 'base64'));
      return { contents: source.replace(dataUrl, '""'), loader: 'js' };
    });
  },
};

/**
 * Changes the build makes to Ink's own files, each replacing text that must be there: a build
 * against an Ink whose code changed there fails, naming the file, instead of silently shipping
 * Ink unchanged.
 * @type {{ file: string, replace: [string | RegExp, string][] }[]}
 */
const inkPatches = [
  // Ink waits at the top level for its React devtools when DEV=true; a classic script cannot,
  // and the built tutor never loads them (react-devtools-core is stubbed above).
  {
    file: 'reconciler.js',
    replace: [
      ["await import('./devtools.js');", 'void 0;'],
      ['? await loadPackageJson()', '? {}'],
    ],
  },
  // Ink starts every frame from a grid of new blank cells, one object and styles array each:
  // 6,000 a frame at 120 × 50, garbage a frame later. It only ever replaces cells, never changes
  // one, so they can all be one frozen object.
  {
    file: 'output.js',
    replace: [
      [
        /row\.push\(\{\s*type: 'char',\s*value: ' ',\s*fullWidth: false,\s*styles: \[\],\s*\}\);/,
        'row.push(blankCell);',
      ],
      [
        'export default class Output {',
        "const blankCell = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });\nexport default class Output {",
      ],
    ],
  },
];

/** @type {import('esbuild').Plugin} */
const patchInk = {
  name: 'patch-ink',
  setup(build) {
    const files = inkPatches.map((patch) => patch.file.replace('.', '\\.')).join('|');
    build.onLoad({ filter: new RegExp(`[\\\\/]ink[\\\\/]build[\\\\/](${files})$`) }, (args) => {
      const patch = inkPatches.find((entry) => args.path.endsWith(entry.file));
      let contents = readFileSync(args.path, 'utf8');
      for (const [text, instead] of patch?.replace ?? []) {
        const changed = contents.replace(text, instead);
        if (changed === contents)
          throw new Error(
            `Ink's ${patch?.file} changed: update its entry in inkPatches (${args.path})`,
          );
        contents = changed;
      }
      return { contents, loader: 'js' };
    });
  },
};

// The build starts from an empty folder: the tutor's file name carries a hash of its content,
// and every build would otherwise leave the last one's script (and its caches) behind.
rmSync(outdir, { recursive: true, force: true });

/** @type {import('esbuild').BuildOptions} */
const common = {
  outdir,
  bundle: true,
  platform: 'node',
  // Smaller bundles parse faster, when there is no code cache yet.
  minify: true,
  target: 'node20',
  sourcemap: 'linked',
  // esbuild's native binary must be found at run time, not bundled.
  external: ['esbuild'],
  logLevel: 'warning',
};
const production = { 'process.env.NODE_ENV': '"production"' };

const tutor = await build({
  ...common,
  entryPoints: { tutor: 'src/cli.tsx' },
  format: 'cjs',
  entryNames: '[name]-[hash]',
  outExtension: { '.js': '.cjs' },
  metafile: true,
  // Modules find the workers, yoga.wasm and the lessons from import.meta.url: the script's own.
  banner: { js: "var __tutorModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { ...production, 'import.meta.url': '__tutorModuleUrl' },
  plugins: [substitute, yogaWasm, patchInk],
});
const tutorScript = Object.keys(tutor.metafile.outputs).find((file) => file.endsWith('.cjs'));
if (!tutorScript) throw new Error('The build wrote no tutor script');
// The launcher compiles the script without a loader for import(): bundled modules are fine (they
// become function calls), a module left outside the bundle must be imported statically.
for (const { path: name, kind } of tutor.metafile.outputs[tutorScript]?.imports ?? []) {
  if (kind === 'dynamic-import')
    throw new Error(
      `Import \`${name}\` statically: the built tutor cannot import() a module it does not bundle.`,
    );
}

await build({
  ...common,
  entryPoints: {
    cli: 'src/launch.ts',
    'sandbox-worker': 'src/engine/sandbox-worker.js',
    'typecheck-worker': 'src/engine/typecheck-worker.js',
  },
  format: 'esm',
  banner: { js: banner },
  define: { ...production, TUTOR_SCRIPT: JSON.stringify(path.basename(tutorScript)) },
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
  stdin: {
    contents: "export { validateLessons } from './src/lessons/load.ts';",
    resolveDir: import.meta.dirname,
    loader: 'ts',
  },
  outfile: validator,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: banner },
  external: ['esbuild'],
  logLevel: 'warning',
});
const { validateLessons } = await import(pathToFileURL(validator).href);
writeFileSync(
  path.join(outdir, 'lessons-validated.json'),
  `${JSON.stringify(validateLessons(path.join(import.meta.dirname, 'lessons')), null, 2)}\n`,
);
