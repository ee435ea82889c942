// Builds the tutor into dist/: the CLI and TUI bundled (Ink's module graph loads far faster
// bundled), split into chunks so `check` never parses the TUI's code (markdown, highlight.js),
// and the two workers, which must stay files of their own: the sandbox's runs in a thread of its
// own, the type-checker in a process of its own.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

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

// Chunk names carry a hash of their content: without a clean folder, every build would leave
// the last one's chunks behind, and the package would ship them.
rmSync(path.join(import.meta.dirname, 'dist'), { recursive: true, force: true });

await build({
  entryPoints: {
    cli: 'src/cli.tsx',
    'sandbox-worker': 'src/engine/sandbox-worker.js',
    'typecheck-worker': 'src/engine/typecheck-worker.js',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  splitting: true,
  // Smaller bundles parse faster: every command starts by parsing what it imports.
  minify: true,
  // Chunks sit beside the workers: modules find them with new URL('./…-worker.js', import.meta.url).
  chunkNames: '[name]-[hash]',
  target: 'node20',
  sourcemap: 'linked',
  banner: { js: banner },
  // esbuild's native binary must be found at run time, not bundled.
  external: ['esbuild'],
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [substitute],
  logLevel: 'warning',
});
