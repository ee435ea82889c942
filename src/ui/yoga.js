// Stands in for yoga-layout, Ink's layout engine, in the built tutor (see esbuild.config.js).
// Yoga ships its WebAssembly inside its JavaScript as a base64 `data:` URL, which its loader
// reads with fetch(); in Node the first fetch loads undici, and decoding the URL goes through
// it too: ~70 ms of every start before the first frame. The build writes the bytes to
// dist/yoga.wasm instead, and this hands them to the same loader.
import { readFileSync } from 'node:fs';
// @ts-expect-error Emscripten's output has no types; the build resolves these past the
// package's exports map.
import loadYoga from 'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js';
// @ts-expect-error as above
import wrapAssembly from 'yoga-layout/dist/src/wrapAssembly.js';

/** @type {typeof import('yoga-layout').default} */
const Yoga = wrapAssembly(
  await loadYoga({ wasmBinary: readFileSync(new URL('./yoga.wasm', import.meta.url)) }),
);
export default Yoga;
