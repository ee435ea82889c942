// Builds the tutor into dist/: one bundle for the CLI and TUI (Ink's module graph loads far
// faster bundled) and the sandbox worker, which must stay a separate file because it runs in
// its own thread.
import { build } from 'esbuild';

const banner = [
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  "import { createRequire as __logregCreateRequire } from 'node:module';",
  'const require = __logregCreateRequire(import.meta.url);',
].join('\n');

await build({
  entryPoints: { cli: 'src/cli.tsx', 'sandbox-worker': 'src/engine/sandbox-worker.js' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  banner: { js: banner },
  // esbuild's native binary must be found at run time, not bundled.
  external: ['esbuild'],
  define: { 'process.env.NODE_ENV': '"production"' },
  // Ink imports the React devtools only when DEV is set; never ship them.
  alias: { 'react-devtools-core': './src/ui/devtools-stub.js' },
  logLevel: 'warning',
});
