// esbuild ships as CommonJS. Loaded with `require`, Node skips the ES-module wrapper, whose
// scan of esbuild's main.js for export names (cjs-module-lexer) took ~20 ms of every start.
import { createRequire } from 'node:module';

type Esbuild = typeof import('esbuild');

let loaded: Esbuild | undefined;

/** The esbuild API, loaded on first use. */
export function esbuild(): Esbuild {
  loaded ??= createRequire(import.meta.url)('esbuild') as Esbuild;
  return loaded;
}
