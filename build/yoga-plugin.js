// The esbuild plugin that builds Ink's layout engine from a file rather than a `data:` URL: it
// resolves `yoga-layout` to build/yoga.js (why, with its measured figure, is there), the files
// that module takes from the package to the package's own copy, and writes the package's
// WebAssembly bytes to yoga.wasm beside the bundle.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const substitute = path.join(import.meta.dirname, 'yoga.js');

/**
 * @param {string} outdir where the bundle, and yoga.wasm, are written
 * @returns {import('esbuild').Plugin}
 */
export function yogaFromFile(outdir) {
  /** @type {string | undefined} the yoga-layout folder Ink resolves */
  let packageDir;
  return {
    name: 'yoga-from-file',
    setup(build) {
      build.onResolve({ filter: /^yoga-layout$/ }, async (args) => {
        if (args.pluginData === 'real') return undefined;
        const real = await build.resolve('yoga-layout', {
          kind: args.kind,
          resolveDir: args.resolveDir,
          pluginData: 'real',
        });
        if (real.errors.length > 0) return { errors: real.errors };
        // …/yoga-layout/dist/src/index.js
        packageDir = path.resolve(path.dirname(real.path), '../..');
        return { path: substitute };
      });
      build.onResolve({ filter: /^yoga-layout\/dist\// }, (args) => {
        if (packageDir === undefined || args.importer !== substitute)
          return { errors: [{ text: `${args.path} is imported by build/yoga.js alone` }] };
        return { path: path.join(packageDir, args.path.slice('yoga-layout/'.length)) };
      });
      build.onEnd((result) => {
        if (result.errors.length > 0 || packageDir === undefined) return;
        const loader = readFileSync(
          path.join(packageDir, 'dist/binaries/yoga-wasm-base64-esm.js'),
          'utf8',
        );
        const base64 = /data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/.exec(loader)?.[1];
        if (base64 === undefined) throw new Error("yoga-layout's loader holds no base64 wasm");
        writeFileSync(path.join(outdir, 'yoga.wasm'), Buffer.from(base64, 'base64'));
      });
    },
  };
}
