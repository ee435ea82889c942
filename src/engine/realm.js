// The student's side of a run. `studentRealm` is not called in the tutor: its source text is
// sent to the sandbox process and compiled into the run's fresh V8 context before the student's
// module, so every builtin it uses is that context's own, captured before student code can
// patch it. It decodes the tutor's arguments (JSON, which creates arrays without consulting
// prototypes), calls the student's export, and writes what came back as bytes (wire.ts reads
// them in the tutor). It must stay self-contained: no imports, no outer names.
// @ts-nocheck: this is source for another realm; its shapes are checked where the tutor reads them.

/**
 * Builds the run's helpers and the student's globals inside the context it is evaluated in.
 * Returns the few functions the sandbox host calls; the one that runs student code, `entry`, is
 * taken once (`__logregTakeEntry`) into a constant the host's time-limited script calls.
 * @param {{ outputBytes: number, maxBytes: number, maxItems: number, maxDepth: number, maxString: number }} limits
 */
export function studentRealm(limits) {
  const ObjectIs = Object.is;
  const ObjectKeys = Object.keys;
  const hasOwn = Object.hasOwn;
  const defineProperty = Object.defineProperty;
  const getPrototypeOf = Object.getPrototypeOf;
  const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const isArray = Array.isArray;
  const F64 = Float64Array;
  const U8 = Uint8Array;
  const U16 = Uint16Array;
  const U32 = Uint32Array;
  const ArrayBufferOf = ArrayBuffer;
  const JSONParse = JSON.parse;
  const ReflectApply = Reflect.apply;
  const ArrayOf = Array;
  const ArrayFrom = Array.from;
  const StringOf = String;
  const ErrorOf = Error;
  const TypeErrorOf = TypeError;
  const DateNow = Date.now;
  const { exp, log, sin, cos, min, sqrt, imul, PI } = Math;
  const uncurry = (fn) => Function.prototype.call.bind(fn);
  const typedArrayPrototype = getPrototypeOf(F64.prototype);
  const typedArrayTag = uncurry(
    getOwnPropertyDescriptor(typedArrayPrototype, Symbol.toStringTag).get,
  );
  const typedArrayLength = uncurry(getOwnPropertyDescriptor(typedArrayPrototype, 'length').get);
  const charCodeAt = uncurry(String.prototype.charCodeAt);
  const typedSlice = uncurry(typedArrayPrototype.slice);
  const MapOf = Map;
  const mapGet = uncurry(Map.prototype.get);
  const mapHas = uncurry(Map.prototype.has);
  const mapSet = uncurry(Map.prototype.set);
  /** A field the tutor sent, read without consulting Object.prototype. */
  const own = (object, key) => (hasOwn(object, key) ? object[key] : undefined);
  const stringSlice = uncurry(String.prototype.slice);
  let origin = DateNow();

  // No stack-trace hooks: formatting a stack must not call student code with the host's frames.
  defineProperty(ErrorOf, 'prepareStackTrace', {
    value: undefined,
    writable: false,
    configurable: false,
  });

  /** Sets element `index` of an array made here without consulting Array.prototype. */
  const setItem = (array, index, value) =>
    defineProperty(array, index, {
      __proto__: null,
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });

  /**
   * A new array of `length` items, item i being `fill(undefined, i)`. Array.from defines each
   * item (it never assigns through Array.prototype), and reads nothing but own properties of a
   * source with no prototype: as safe as `setItem`, and many times faster for the 5000×20 data.
   */
  const makeArray = (length, fill) =>
    ReflectApply(ArrayFrom, ArrayOf, [{ __proto__: null, length }, fill]);
  const zero = () => 0;

  // --- output ------------------------------------------------------------------------------
  let printed = '';
  let printedTotal = 0;
  let dropped = 0;
  const print = (text) => {
    const room = limits.outputBytes - printedTotal;
    if (room <= 0) {
      dropped += text.length;
      return;
    }
    const kept = text.length > room ? stringSlice(text, 0, room) : text;
    printed += kept;
    printedTotal += kept.length;
    dropped += text.length - kept.length;
  };
  const takeOutput = () => {
    const text =
      printed.length > limits.maxString ? stringSlice(printed, 0, limits.maxString) : printed;
    printed = '';
    return text;
  };

  // console.log's formatting for the plain data students print; anything else by its kind.
  const inspect = (value, depth) => {
    if (typeof value === 'string') return depth === 0 ? value : `'${value}'`;
    if (typeof value === 'number') return ObjectIs(value, -0) ? '-0' : StringOf(value);
    if (typeof value === 'boolean' || value === undefined || value === null) return StringOf(value);
    if (typeof value === 'bigint') return `${StringOf(value)}n`;
    if (typeof value === 'symbol') return 'Symbol()';
    if (typeof value === 'function') return '[Function]';
    const tag = typedArrayTag(value);
    if (tag !== undefined || isArray(value)) {
      const length = tag !== undefined ? typedArrayLength(value) : value.length;
      if (depth > 2) return '[Array]';
      let text = '';
      const shown = min(length, 100);
      for (let i = 0; i < shown; i++) text += `${i > 0 ? ', ' : ''}${inspect(value[i], depth + 1)}`;
      if (length > shown) text += `, ... ${length - shown} more items`;
      const prefix = tag !== undefined ? `${tag}(${length}) ` : '';
      return length === 0 ? `${prefix}[]` : `${prefix}[ ${text} ]`;
    }
    if (depth > 2) return '[Object]';
    const keys = ObjectKeys(value);
    if (keys.length === 0) return '{}';
    let text = '';
    for (let i = 0; i < keys.length && i < 50; i++) {
      text += `${i > 0 ? ', ' : ''}${keys[i]}: ${inspect(value[keys[i]], depth + 1)}`;
    }
    return `{ ${text} }`;
  };
  const printLine = (...args) => {
    let line = '';
    try {
      for (let i = 0; i < args.length; i++) line += `${i > 0 ? ' ' : ''}${inspect(args[i], 0)}`;
    } catch {
      line = '[a value console.log could not print]';
    }
    print(`${line}\n`);
  };

  // --- the student's globals ----------------------------------------------------------------
  let calls = 0;
  let exitCode;
  const console = {};
  for (const method of ['log', 'info', 'debug', 'warn', 'error', 'trace', 'table', 'dir']) {
    console[method] = printLine;
  }
  const write = (text) => {
    print(typeof text === 'string' ? text : StringOf(text));
    return true;
  };
  const process = {
    exit(code) {
      exitCode = code === undefined ? 0 : typeof code === 'number' ? code : 1;
      throw new ErrorOf(`process.exit(${exitCode}) ended the run`);
    },
    stdout: { write },
    stderr: { write },
    env: {},
    argv: [],
  };
  // structuredClone is Node's, not the language's: a plain deep copy stands in for it.
  const deepCopy = (value, seen) => {
    if (value === null || typeof value !== 'object') return value;
    if (mapHas(seen, value)) return mapGet(seen, value);
    if (typedArrayTag(value) !== undefined) return typedSlice(value);
    const keys = ObjectKeys(value);
    const count = keys.length;
    if (
      isArray(value) &&
      count === value.length &&
      (count === 0 || keys[count - 1] === StringOf(count - 1))
    ) {
      // Every key is an index 0…count−1 (indices come first, in order): the copy is made with
      // its items in place, so assigning them below finds them on the copy itself.
      const copy = makeArray(count, zero);
      mapSet(seen, value, copy);
      for (let i = 0; i < count; i++) copy[i] = deepCopy(value[keys[i]], seen);
      return copy;
    }
    const copy = isArray(value) ? [] : {};
    mapSet(seen, value, copy);
    for (let i = 0; i < count; i++) setItem(copy, keys[i], deepCopy(value[keys[i]], seen));
    return copy;
  };
  // V8 runs a FinalizationRegistry's cleanup callback as a task of its own, between operations,
  // where no run's time limit is armed: one that never returns kept the sandbox process spinning
  // after the tutor was gone. The language never promises that cleanup runs, so here it never
  // does; registering and unregistering behave as usual.
  const Registry = FinalizationRegistry;
  const registryRegister = uncurry(Registry.prototype.register);
  const registryUnregister = uncurry(Registry.prototype.unregister);
  class FinalizationRegistryWithoutCleanup {
    #registry = new Registry(() => {});
    constructor(cleanup) {
      if (typeof cleanup !== 'function')
        throw new TypeErrorOf('FinalizationRegistry: cleanup must be callable');
    }
    register(target, held, token) {
      return registryRegister(this.#registry, target, held, token);
    }
    unregister(token) {
      return registryUnregister(this.#registry, token);
    }
  }
  defineProperty(FinalizationRegistryWithoutCleanup, 'name', { value: 'FinalizationRegistry' });
  const globals = {
    console,
    process,
    structuredClone: (value) => deepCopy(value, new MapOf()),
    performance: { now: () => DateNow() - origin },
    FinalizationRegistry: FinalizationRegistryWithoutCleanup,
  };
  for (const name of ObjectKeys(globals)) {
    defineProperty(globalThis, name, { value: globals[name], writable: true, configurable: true });
  }
  const require = (name) => {
    throw new ErrorOf(
      `Your file imports "${StringOf(name)}", but checks run your code without Node.js modules. Remove the import (console.log still works).`,
    );
  };

  // --- function arguments, built here (functions cannot be sent) ----------------------------
  function makeFunction(spec) {
    const kind = own(spec, 'kind');
    const dimension =
      kind === 'logistic-loss'
        ? own(spec, 'X')[0].length
        : (own(spec, 'a') ?? own(spec, 'k')).length;
    const checkInput = (w) => {
      if (!w || typeof w.length !== 'number' || w.length !== dimension) {
        const got = w && typeof w.length === 'number' ? `length ${w.length}` : typeof w;
        throw new TypeErrorOf(
          `f expects a vector of length ${dimension} (one entry per weight), got ${got}`,
        );
      }
    };
    if (kind === 'poly') {
      // f(w) = Σ aᵢwᵢ + bᵢwᵢ² + cᵢwᵢ³ + dᵢ·sin(wᵢ) + ½ Σ Qᵢⱼwᵢwⱼ: real curvature in every direction.
      const a = own(spec, 'a');
      const b = own(spec, 'b');
      const c = own(spec, 'c');
      const d = own(spec, 'd');
      const Q = own(spec, 'Q');
      return function f(w) {
        calls++;
        checkInput(w);
        let total = 0;
        for (let i = 0; i < w.length; i++) {
          const x = w[i];
          total += a[i] * x + b[i] * x * x + c[i] * x * x * x + d[i] * sin(x);
        }
        if (Q) {
          for (let i = 0; i < w.length; i++) {
            const row = Q[i];
            for (let j = 0; j < w.length; j++) total += 0.5 * row[j] * w[i] * w[j];
          }
        }
        return total;
      };
    }
    if (kind === 'logistic-loss') {
      const X = own(spec, 'X');
      const y = own(spec, 'y');
      return function f(w) {
        calls++;
        checkInput(w);
        let total = 0;
        for (let i = 0; i < X.length; i++) {
          const row = X[i];
          let z = 0;
          for (let j = 0; j < row.length; j++) z += row[j] * w[j];
          // log(1 + e^z) − y·z, without overflow for large |z|.
          const softplus = z > 0 ? z + log(1 + exp(-z)) : log(1 + exp(z));
          total += softplus - y[i] * z;
        }
        return total / X.length;
      };
    }
    const k = own(spec, 'k');
    return function f(w) {
      calls++;
      checkInput(w);
      let total = 0;
      for (let i = 0; i < w.length; i++) total += cos(k[i] * w[i]);
      return total;
    };
  }

  // --- the lab's datasets, made here from a seed ------------------------------------------
  // The same arithmetic as datasets.ts (pure-rand's Mersenne Twister and uniformFloat64,
  // normals by Box–Muller), so the tutor regenerates exactly what the student is given.
  function createRandom(seed) {
    const states = [seed | 0];
    for (let i = 1; i !== 624; ++i) {
      const xored = states[i - 1] ^ (states[i - 1] >>> 30);
      setItem(states, i, (imul(1812433253, xored) + i) | 0);
    }
    let index = 0;
    const twistedNext = (at) => {
      const next = at === 623 ? 0 : at + 1;
      const y = (states[at] & 2147483648) | (states[next] & 2147483647);
      states[at] = states[(at + 397) % 624] ^ (y >>> 1) ^ (-(y & 1) & 2567483615);
      return next;
    };
    for (let i = 0; i !== 624; ++i) twistedNext(i);
    const nextInt = () => {
      let y = states[index];
      y ^= y >>> 11;
      y ^= (y << 7) & 2636928640;
      y ^= (y << 15) & 4022730752;
      y ^= y >>> 18;
      index = twistedNext(index);
      return y;
    };
    const uniform = () => {
      const high = nextInt() & 67108863;
      return high * 1.4901161193847656e-8 + (nextInt() & 134217727) * 1.1102230246251565e-16;
    };
    let spare;
    const normal = () => {
      if (spare !== undefined) {
        const value = spare;
        spare = undefined;
        return value;
      }
      const radius = sqrt(-2 * log(1 - uniform()));
      const angle = 2 * PI * uniform();
      spare = radius * sin(angle);
      return radius * cos(angle);
    };
    const normals = (length) => makeArray(length, normal);
    return { uniform, normal, normals };
  }

  /** The notebook's make_data (datasets.ts `makeData`): X and y as this realm's arrays. */
  function makeData(n, d, separable, seed) {
    const random = createRandom(seed);
    // Array.from calls `fill` in index order, so the draws come in the order datasets.ts makes them.
    const X = makeArray(n, () => random.normals(d));
    const wTrue = random.normals(d);
    const y = makeArray(n, (_, i) => {
      let z = 0;
      for (let j = 0; j < d; j++) z += X[i][j] * wTrue[j];
      if (separable) return z > 0 ? 1 : 0;
      const noisy = z + 0.5 * random.normal();
      return random.uniform() < 1 / (1 + exp(-noisy)) ? 1 : 0;
    });
    return { X, y };
  }

  // --- arguments from the tutor -------------------------------------------------------------
  const handles = [];
  const special = { NaN: 0 / 0, Infinity: 1 / 0, '-Infinity': -1 / 0, '-0': -0 };

  /** One argument as the tutor sent it (see `toWire` in wire.ts): `{ json, special, kind }`. */
  function fromWire(wire) {
    if (hasOwn(wire, 'handle')) return handles[wire.handle];
    const value = JSONParse(wire.json);
    const fixes = wire.special;
    for (let i = 0; i < fixes.length; i++) {
      const path = fixes[i][0];
      const name = fixes[i][1];
      if (path.length === 0) return special[name];
      let parent = value;
      for (let j = 0; j < path.length - 1; j++) parent = parent[path[j]];
      parent[path[path.length - 1]] = special[name];
    }
    if (wire.kind === 'function') return makeFunction(value);
    if (wire.kind === 'f64') {
      const typed = new F64(value.length);
      for (let i = 0; i < value.length; i++) typed[i] = value[i];
      return typed;
    }
    return value;
  }

  // --- values to the tutor, as bytes --------------------------------------------------------
  const tooLarge = { reason: '' };
  let buffer = new ArrayBufferOf(1 << 16);
  let bytes = new U8(buffer);
  let words = new U32(buffer);
  let doubles = new F64(buffer);
  let units = new U16(buffer);
  let at = 0;
  let items = 0;
  /** Replies written so far: the host checks that each operation wrote exactly one. */
  let replies = 0;

  const fail = (reason) => {
    tooLarge.reason = reason;
    throw tooLarge;
  };
  const reserve = (count) => {
    if (at + count + 8 <= buffer.byteLength) return;
    if (at + count + 8 > limits.maxBytes) {
      fail(`it is larger than ${limits.maxBytes / 1024 / 1024} MiB`);
    }
    let size = buffer.byteLength * 2;
    while (size < at + count + 8) size *= 2;
    const grown = new ArrayBufferOf(size);
    const grownBytes = new U8(grown);
    for (let i = 0; i < at; i++) grownBytes[i] = bytes[i];
    buffer = grown;
    bytes = grownBytes;
    words = new U32(grown);
    doubles = new F64(grown);
    units = new U16(grown);
  };
  const align = (to) => {
    while (at % to !== 0) bytes[at++] = 0;
  };
  const writeTag = (tag) => {
    reserve(1);
    bytes[at++] = tag;
  };
  const writeCount = (count) => {
    reserve(8);
    align(4);
    words[at / 4] = count;
    at += 4;
  };
  const writeNumber = (x) => {
    reserve(16);
    align(8);
    doubles[at / 8] = x;
    at += 8;
  };
  const countItems = (count) => {
    items += count;
    if (items > limits.maxItems) fail(`it holds more than ${limits.maxItems} values`);
  };
  const writeString = (text) => {
    if (text.length > limits.maxString) fail(`it holds a string longer than ${limits.maxString}`);
    writeCount(text.length);
    reserve(text.length * 2 + 2);
    align(2);
    const base = at / 2;
    for (let i = 0; i < text.length; i++) units[base + i] = charCodeAt(text, i);
    at += text.length * 2;
  };
  const writeOther = (kind) => {
    writeTag(10);
    writeString(kind);
  };

  /** Writes any value the student's code returned; getters and proxies run here, in this realm. */
  function encode(value, depth) {
    countItems(1);
    if (depth > limits.maxDepth) fail(`it is nested more than ${limits.maxDepth} levels deep`);
    if (value === undefined) return writeTag(0);
    if (value === null) return writeTag(1);
    if (value === false) return writeTag(2);
    if (value === true) return writeTag(3);
    if (typeof value === 'number') {
      writeTag(4);
      return writeNumber(value);
    }
    if (typeof value === 'string') {
      writeTag(5);
      return writeString(value);
    }
    if (typeof value !== 'object') return writeOther(typeof value);
    const tag = typedArrayTag(value);
    if (tag !== undefined) {
      if (tag !== 'Float64Array') return writeOther(tag);
      const length = typedArrayLength(value);
      countItems(length);
      writeTag(8);
      writeCount(length);
      reserve(length * 8 + 8);
      align(8);
      const base = at / 8;
      for (let i = 0; i < length; i++) doubles[base + i] = value[i];
      at += length * 8;
      return;
    }
    if (typeof value.then === 'function') return writeOther('promise');
    if (isArray(value)) {
      const length = value.length;
      countItems(length);
      const start = at;
      writeTag(7);
      writeCount(length);
      reserve(length * 8 + 8);
      align(8);
      const base = at / 8;
      let numbers = true;
      for (let i = 0; i < length; i++) {
        const item = value[i];
        if (typeof item !== 'number') {
          numbers = false;
          break;
        }
        doubles[base + i] = item;
      }
      if (numbers) {
        at += length * 8;
        return;
      }
      at = start;
      writeTag(6);
      writeCount(length);
      for (let i = 0; i < length; i++) encode(value[i], depth + 1);
      return;
    }
    const keys = ObjectKeys(value);
    countItems(keys.length);
    writeTag(9);
    writeCount(keys.length);
    for (let i = 0; i < keys.length; i++) {
      writeString(keys[i]);
      encode(value[keys[i]], depth + 1);
    }
  }

  /** A reply: an object of fields, the student's values among them written by `encode`. */
  function reply(fields) {
    at = 0;
    items = 0;
    const keys = ObjectKeys(fields);
    writeTag(9);
    writeCount(keys.length + 2);
    for (let i = 0; i < keys.length; i++) {
      writeString(keys[i]);
      encode(fields[keys[i]], 0);
    }
    writeString('printed');
    writeTag(5);
    writeString(takeOutput());
    writeString('dropped');
    writeTag(4);
    writeNumber(dropped);
    dropped = 0;
    replies++;
  }

  /** Replies with `fields`, or says why what the student returned cannot be sent. */
  function replyOrUnreadable(fields) {
    try {
      reply(fields);
    } catch (error) {
      const reason =
        error === tooLarge ? tooLarge.reason : 'reading it threw an error (a getter or a Proxy?)';
      reply({ kind: 'unreadable', reason });
    }
  }

  /** A thrown value as three strings, read here so stack hooks and getters stay in this realm. */
  function describeError(error) {
    const text = (read, max) => {
      try {
        const value = read();
        return typeof value === 'string' ? stringSlice(value, 0, max) : '';
      } catch {
        return '';
      }
    };
    if (error === null || typeof error !== 'object') {
      let shown = typeof error;
      if (typeof error === 'string' || typeof error === 'number') shown = StringOf(error);
      return { name: 'Thrown value', message: stringSlice(shown, 0, 2000), stack: '' };
    }
    return {
      name: text(() => error.name, 200) || 'Error',
      message: text(() => error.message, 2000),
      stack: text(() => error.stack, 8000),
    };
  }

  // --- operations ---------------------------------------------------------------------------
  let moduleBody;
  let moduleExports;
  let ops = [];
  let next = 0;
  let busy = false;

  /** The same data, compared in this realm: no student code is trusted to say "unchanged". */
  function same(a, b, depth) {
    if (typeof a !== 'object' || a === null) return ObjectIs(a, b);
    if (typeof b !== 'object' || b === null || depth > limits.maxDepth) return false;
    const keysA = ObjectKeys(a);
    const keysB = ObjectKeys(b);
    if (keysA.length !== keysB.length) return false;
    for (let i = 0; i < keysA.length; i++) {
      if (keysA[i] !== keysB[i] || !same(a[keysA[i]], b[keysB[i]], depth + 1)) return false;
    }
    return true;
  }

  function load() {
    origin = DateNow();
    const module = { exports: {} };
    try {
      moduleBody(module.exports, module, require);
      moduleExports = module.exports;
      const names = ObjectKeys(moduleExports);
      const exportNames = [];
      for (let i = 0; i < names.length && i < 100; i++) setItem(exportNames, i, names[i]);
      replyOrUnreadable({ kind: 'loaded', exports: exportNames });
    } catch (error) {
      if (exitCode !== undefined) return reply({ kind: 'exit', code: exitCode });
      replyOrUnreadable({ kind: 'load-error', error: describeError(error) });
    }
  }

  function put(op) {
    const ids = [];
    for (let i = 0; i < op.values.length; i++) {
      setItem(handles, handles.length, fromWire(op.values[i]));
      setItem(ids, i, handles.length - 1);
    }
    reply({ kind: 'kept', handles: ids });
  }

  function dataset(op) {
    const data = makeData(op.n, op.d, op.separable, op.seed);
    setItem(handles, handles.length, data.X);
    setItem(handles, handles.length, data.y);
    const ids = [];
    setItem(ids, 0, handles.length - 2);
    setItem(ids, 1, handles.length - 1);
    reply({ kind: 'kept', handles: ids });
  }

  /**
   * Changes a held vector in place, as a caller's loop does to its own array between calls (a
   * new z written into the same buffer). Items are defined, never assigned, so a setter the
   * student put on Array.prototype or on the array itself is not called; a typed array's items
   * are its own and take a plain assignment. The length stays as it is.
   */
  function overwrite(op) {
    const target = handles[op.handle];
    const values = fromWire(op.values);
    const typed = typedArrayTag(target) !== undefined;
    const length = typed ? typedArrayLength(target) : isArray(target) ? target.length : -1;
    if (length !== values.length) {
      return reply({ kind: 'unreadable', reason: 'the held value is not a vector of that length' });
    }
    try {
      for (let i = 0; i < length; i++) {
        if (typed) target[i] = values[i];
        else setItem(target, i, values[i]);
      }
    } catch {
      // The student's code froze or sealed the array it was given: no handle comes back.
      return reply({ kind: 'kept', handles: [] });
    }
    const ids = [];
    setItem(ids, 0, op.handle);
    reply({ kind: 'kept', handles: ids });
  }

  // An exact fingerprint of a vector or a matrix of numbers, read without allocating: every
  // double's bits, every length, in order. A deep copy of a 20,000-row X before each call,
  // compared after it, costs more than the student's own compute; this costs a read.
  const scratch = new F64(1);
  const scratchWords = new U32(scratch.buffer);
  const notPlain = {};
  function fingerprint(value) {
    if (!isArray(value)) return undefined;
    let low = 0x811c9dc5 | 0;
    let high = 0x01000193 | 0;
    const mix = (x) => {
      scratch[0] = x;
      low = imul(low ^ scratchWords[0], 0x01000193);
      high = imul(high ^ scratchWords[1], 0x5bd1e995) ^ low;
    };
    const rows = value.length;
    mix(rows);
    try {
      for (let i = 0; i < rows; i++) {
        const item = value[i];
        if (typeof item === 'number') {
          mix(item);
          continue;
        }
        if (!isArray(item)) throw notPlain;
        const length = item.length;
        mix(-length - 1);
        for (let j = 0; j < length; j++) {
          const x = item[j];
          if (typeof x !== 'number') throw notPlain;
          mix(x);
        }
      }
    } catch (error) {
      if (error === notPlain) return undefined;
      throw error;
    }
    return `${low}:${high}`;
  }

  function callExport(op) {
    const fn = moduleExports === undefined ? undefined : moduleExports[op.name];
    if (typeof fn !== 'function') {
      return reply({ kind: 'missing', found: typeof fn });
    }
    const args = [];
    const before = [];
    const prints = [];
    for (let i = 0; i < op.args.length; i++) {
      const arg = fromWire(op.args[i]);
      setItem(args, i, arg);
      const print = typeof arg === 'function' ? undefined : fingerprint(arg);
      setItem(prints, i, print);
      // A copy only for what the fingerprint cannot compare (functions are never compared).
      const needsCopy = typeof arg !== 'function' && print === undefined;
      setItem(before, i, needsCopy ? deepCopy(arg, new MapOf()) : undefined);
    }
    const callsBefore = calls;
    let value;
    try {
      value = ReflectApply(fn, undefined, args);
    } catch (error) {
      if (exitCode !== undefined) return reply({ kind: 'exit', code: exitCode });
      return replyOrUnreadable({
        kind: 'throw',
        error: describeError(error),
        functionCalls: calls - callsBefore,
      });
    }
    if (exitCode !== undefined) return reply({ kind: 'exit', code: exitCode });
    // Arguments changed in place go back, so the tutor can name the change.
    const changed = [];
    const argsAfter = [];
    for (let i = 0; i < args.length; i++) {
      if (typeof args[i] === 'function') continue;
      // A plain vector or matrix is compared by its fingerprint (and the tutor, holding its own
      // copy, finds what changed); anything else by the copy made before the call.
      const unchanged =
        prints[i] !== undefined ? fingerprint(args[i]) === prints[i] : same(before[i], args[i], 0);
      if (unchanged) continue;
      setItem(changed, changed.length, i);
      setItem(argsAfter, argsAfter.length, args[i]);
    }
    let thenable = false;
    try {
      thenable = value !== null && typeof value === 'object' && typeof value.then === 'function';
      // Keep an unhandled rejection from reaching the sandbox's host.
      if (thenable) value.then(undefined, () => {});
    } catch {}
    const functionCalls = calls - callsBefore;
    if (thenable) return reply({ kind: 'promise', functionCalls });
    if (!op.keep)
      return replyOrUnreadable({ kind: 'value', value, changed, argsAfter, functionCalls });
    setItem(handles, handles.length, value);
    const handle = handles.length - 1;
    replyOrUnreadable({ kind: 'value', value, changed, argsAfter, functionCalls, handle });
  }

  /** Runs the next operation: the entry the host runs, under its time limit, once per operation. */
  const entry = () => {
    if (busy || next >= ops.length) return;
    busy = true;
    const op = ops[next++];
    try {
      if (op.op === 'load') load();
      else if (op.op === 'put') put(op);
      else if (op.op === 'dataset') dataset(op);
      else if (op.op === 'overwrite') overwrite(op);
      else callExport(op);
    } finally {
      busy = false;
    }
  };
  // Handed once to the script that makes it a constant of the global scope (not a property of
  // the global object, which student code could list, and which it could not replace anyway).
  defineProperty(globalThis, '__logregTakeEntry', {
    value: () => {
      delete globalThis.__logregTakeEntry;
      return entry;
    },
    configurable: true,
  });

  return {
    /** Keeps the compiled student module (a function of this context) for the load operation. */
    setModule: (body) => {
      moduleBody = body;
    },
    /** Takes a request (JSON text from the tutor); returns how many operations it holds. */
    submit: (text) => {
      ops = JSONParse(text);
      next = 0;
      return ops.length;
    },
    replyBuffer: () => buffer,
    replyLength: () => at,
    replyCount: () => replies,
    takeOutput,
    /**
     * Runs `rounds` calls of a function of its own through the same paths a run takes, before
     * any student code is loaded, so a run starts on compiled code; then forgets them.
     */
    warmUp: (rounds) => {
      moduleExports = { twice: (v) => v.map((x) => 2 * x) };
      const arg = '{"json":"[[1,2],[3,4.5]]","special":[[[0,0],"-0"]],"kind":"value"}';
      const text = `[{"op":"call","name":"twice","args":[${arg}],"keep":true}]`;
      for (let i = 0; i < rounds; i++) {
        ops = JSONParse(text);
        next = 0;
        entry();
      }
      moduleExports = undefined;
      handles.length = 0;
      calls = 0;
      printed = '';
      dropped = 0;
      ops = [];
      next = 0;
    },
  };
}
