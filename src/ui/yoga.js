// Stands in for yoga-layout, Ink's layout engine, in the built tutor (see esbuild.config.js).
// Yoga ships its WebAssembly inside its JavaScript as a base64 `data:` URL, which its loader
// reads with fetch(); in Node the first fetch loads undici, and decoding the URL goes through
// it too: ~70 ms of every start before the first frame. The build writes the bytes to
// dist/yoga.wasm instead. They are compiled here at once, not through a promise: the built
// tutor is a classic script (see src/launch.ts), where a module cannot wait at its top level.
import { readFileSync } from 'node:fs';
// @ts-expect-error Emscripten's output has no types; the build resolves these past the
// package's exports map.
import loadYoga from 'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js';
// @ts-expect-error as above
import wrapAssembly from 'yoga-layout/dist/src/wrapAssembly.js';

const bytes = readFileSync(new URL('./yoga.wasm', import.meta.url));
// The project's TypeScript libs have no WebAssembly types (they come with the DOM's).
/** @type {{ Module: new (bytes: Uint8Array) => object, Instance: new (module: object, imports: object) => { exports: object } }} */
const wasm = /** @type {any} */ (globalThis).WebAssembly;
// Emscripten's hook for instantiating the module itself: given the instance at once, its
// loader finishes before it returns, and fills in `runtime`.
const runtime = {
  /**
   * @param {object} imports
   * @param {(instance: object) => void} receive
   */
  instantiateWasm(imports, receive) {
    const instance = new wasm.Instance(new wasm.Module(bytes), imports);
    receive(instance);
    return instance.exports;
  },
};
loadYoga(runtime);

/** @type {typeof import('yoga-layout').default} */
const Yoga = wrapAssembly(runtime);
export default Yoga;
