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

// conf imports ajv at its top but uses it only for a JSON schema, which the store does not
// give it (it validates with zod): leave ajv out of the bundle.
/** @type {import('esbuild').Plugin} */
const withoutAjv = {
  name: 'without-ajv',
  setup(build) {
    build.onResolve({ filter: /^ajv(-formats)?(\/|$)/ }, () => ({
      path: path.join(import.meta.dirname, 'src/progress/no-ajv.js'),
    }));
  },
};

// Ink redoes, for every frame, per-line work it caches for that frame only: measuring each
// line's width and splitting it into styled characters, grapheme by grapheme. For Ink alone,
// bundle versions of these packages that are quick for the tutor's text and remember the
// work across frames (see the files).
/** @type {Record<string, string>} */
const rememberedForInk = {
  'string-width': 'src/ui/string-width.js',
  'widest-line': 'src/ui/widest-line.js',
  '@alcalzone/ansi-tokenize': 'src/ui/ansi-tokenize.js',
};
/** @type {import('esbuild').Plugin} */
const inkRemembers = {
  name: 'ink-remembers',
  setup(build) {
    build.onResolve(
      { filter: /^(string-width|widest-line|@alcalzone\/ansi-tokenize)$/ },
      (args) => {
        const remembered = rememberedForInk[args.path];
        return remembered && /[\\/]node_modules[\\/]ink[\\/]/.test(args.importer)
          ? { path: path.join(import.meta.dirname, remembered) }
          : undefined;
      },
    );
  },
};

// marked-terminal imports syntax colouring and emoji that the lessons never use.
/** @type {import('esbuild').Plugin} */
const plainMarkdown = {
  name: 'plain-markdown',
  setup(build) {
    build.onResolve({ filter: /^(cli-highlight|node-emoji)$/ }, (args) =>
      /[\\/]node_modules[\\/]marked-terminal[\\/]/.test(args.importer)
        ? { path: path.join(import.meta.dirname, 'src/ui/plain-markdown.js') }
        : undefined,
    );
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
  // Ink imports the React devtools only when DEV is set; never ship them.
  alias: { 'react-devtools-core': './src/ui/devtools-stub.js' },
  plugins: [withoutAjv, inkRemembers, plainMarkdown],
  logLevel: 'warning',
});
