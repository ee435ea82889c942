// Stands in for yoga-layout's entry (Ink's layout engine) in the built tutor: esbuild.config.js
// resolves Ink's `import Yoga from 'yoga-layout'` here. Yoga carries its WebAssembly as a base64
// `data:` URL that its loader reads with fetch(), and Node's first fetch() loads undici before
// the first frame can be drawn. Measured on Node 24.22, a 2-core machine under heavy load:
// importing yoga-layout as shipped took 53 ms of CPU, this module 16 ms (median of 21 fresh
// processes); the tutor's first frame in tmux, 808 ms → 574 ms, and its CPU up to that frame
// 240 → 200 ms (median of 14 runs each, interleaved). The build writes the same bytes to
// dist/yoga.wasm, compiled here through Emscripten's own hook for that, with the package's own
// Emscripten glue and wrapper.
import { readFileSync } from 'node:fs';
// @ts-expect-error Emscripten's output has no types; the build resolves these files directly.
import loadYoga from 'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js';
// @ts-expect-error as above
import wrapAssembly from 'yoga-layout/dist/src/wrapAssembly.js';

const bytes = readFileSync(new URL('./yoga.wasm', import.meta.url));
// The project's TypeScript libs have no WebAssembly types (they come with the DOM's).
/** @type {{ Module: new (bytes: Uint8Array) => object, Instance: new (module: object, imports: object) => { exports: object } }} */
const wasm = /** @type {any} */ (globalThis).WebAssembly;
const runtime = {
  /**
   * Emscripten's hook: given the instance at once, its loader needs no fetch.
   * @param {object} imports
   * @param {(instance: object) => void} receive
   */
  instantiateWasm(imports, receive) {
    const instance = new wasm.Instance(new wasm.Module(bytes), imports);
    receive(instance);
    return instance.exports;
  },
};
await loadYoga(runtime);

/** @type {typeof import('yoga-layout').default} */
const Yoga = wrapAssembly(runtime);
export default Yoga;
// @ts-expect-error as above
export * from 'yoga-layout/dist/src/generated/YGEnums.js';
