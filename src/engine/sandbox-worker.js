// The sandbox side of a task run: loads one bundled student file and calls its exports on
// request. It only reports raw values; every verdict is computed by the tutor, outside this
// realm, so a student who patches Math, Array.prototype or JSON, or posts messages of their
// own, changes at most what their function returns.
import { format } from 'node:util';
import { workerData } from 'node:worker_threads';
import { pack, unpack } from './packing.js';

// The tutor talks to this harness over a private channel whose only reference is removed from
// workerData before student code runs: messages the student posts on parentPort are ignored.
const port = workerData.port;
delete workerData.port;
// Captured before any student code runs, so later patches of globals cannot reach the harness.
const postRaw = port.postMessage.bind(port);
const on = port.on.bind(port);
const { exp, log, sin, cos } = Math;
const ObjectKeys = Object.keys;
const StringOf = String;
// Bound now, so a student who replaces performance.now later cannot change the harness's clock.
const now = performance.now.bind(performance);

// What the student prints goes back with each reply, on the same channel and so in order,
// capped here so a flood costs neither memory nor time on the tutor's side.
const outputCap = workerData.outputBytes;
let printed = '';
let printedTotal = 0;
let dropped = 0;
/** @param {string} text */
function print(text) {
  const room = outputCap - printedTotal;
  if (room <= 0) {
    dropped += text.length;
    return;
  }
  printed += text.length > room ? text.slice(0, room) : text;
  printedTotal += Math.min(text.length, room);
  dropped += Math.max(0, text.length - room);
  // Sent on as it grows, so what an endless loop printed is there to read after the timeout.
  if (printed.length >= 2048) post({ type: 'output' });
}
for (const method of ['log', 'info', 'debug', 'warn', 'error', 'trace']) {
  // @ts-expect-error: console is indexed by method name
  console[method] = (/** @type {unknown[]} */ ...args) => print(`${format(...args)}\n`);
}
console.table = (/** @type {unknown} */ data) => print(`${format(data)}\n`);
console.dir = (/** @type {unknown} */ data) => print(`${format(data)}\n`);

/** @param {Record<string, unknown>} message */
function post(message) {
  message.printed = printed;
  message.dropped = dropped;
  printed = '';
  dropped = 0;
  postRaw(message);
}

/** @typedef {(w: number[]) => number} ScalarFunction */

/**
 * Builds a function argument the tutor described by kind (functions cannot cross threads).
 * The shapes are `FunctionArgument` in sandbox.ts.
 * @param {any} spec
 * @param {{ count: number }} calls
 * @returns {ScalarFunction}
 */
function makeFunction(spec, calls) {
  const dimension = spec.kind === 'logistic-loss' ? spec.X[0].length : (spec.a ?? spec.k).length;
  /** @param {any} w */
  const checkInput = (w) => {
    if (!w || typeof w.length !== 'number' || w.length !== dimension) {
      const got = w && typeof w.length === 'number' ? `length ${w.length}` : typeof w;
      throw new TypeError(
        `f expects a vector of length ${dimension} (one entry per weight), got ${got}`,
      );
    }
  };
  if (spec.kind === 'poly') {
    // f(w) = Σ aᵢwᵢ + bᵢwᵢ² + cᵢwᵢ³ + dᵢ·sin(wᵢ) + ½ Σ Qᵢⱼwᵢwⱼ: real curvature in every direction.
    const { a, b, c, d, Q } = spec;
    return (/** @type {any} */ w) => {
      calls.count++;
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
  if (spec.kind === 'logistic-loss') {
    // The mean binary cross-entropy of the lab, written stably.
    const { X, y } = spec;
    return (/** @type {any} */ w) => {
      calls.count++;
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
  if (spec.kind === 'cosine') {
    const { k } = spec;
    return (/** @type {any} */ w) => {
      calls.count++;
      checkInput(w);
      let total = 0;
      for (let i = 0; i < w.length; i++) total += cos(k[i] * w[i]);
      return total;
    };
  }
  throw new Error(`Unknown function kind ${spec.kind}`);
}

/** @param {unknown} error */
function describeError(error) {
  if (error instanceof Error) {
    return {
      name: StringOf(error.name),
      message: StringOf(error.message),
      stack: StringOf(error.stack),
    };
  }
  return { name: 'Thrown value', message: StringOf(error), stack: '' };
}

/** @type {Record<string, unknown> | undefined} */
let student;

on('message', async (/** @type {any} */ message) => {
  if (message.type === 'load') {
    const { id } = message;
    try {
      const loaded = await import(message.url);
      student = loaded;
      post({ type: 'result', id, outcome: { kind: 'loaded', exports: ObjectKeys(loaded) } });
    } catch (error) {
      post({ type: 'result', id, outcome: { kind: 'load-error', error: describeError(error) } });
    }
    return;
  }
  if (message.type === 'flush') {
    // Reply once what the student printed has been handed to the tutor.
    const { id } = message;
    process.stdout.write('', () =>
      process.stderr.write('', () => post({ type: 'result', id, outcome: { kind: 'flushed' } })),
    );
    return;
  }
  if (message.type === 'call') {
    const { id, exportName, args } = message;
    const calls = { count: 0 };
    const realArgs = [];
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      const plain = unpack(arg);
      realArgs[i] = plain?.__logregFunction ? makeFunction(plain.__logregFunction, calls) : plain;
    }
    const fn = student?.[exportName];
    if (typeof fn !== 'function') {
      post({ type: 'result', id, outcome: { kind: 'missing', found: typeof fn } });
      return;
    }
    /** @type {Record<string, unknown>} */
    let outcome;
    const started = now();
    try {
      const value = fn(...realArgs);
      const computeMs = now() - started;
      if (value !== null && typeof value === 'object' && typeof value.then === 'function') {
        // Keep an unhandled rejection from taking the worker down before we report.
        value.then(undefined, () => {});
        outcome = { kind: 'promise' };
      } else {
        outcome = { kind: 'value', value: pack(value), computeMs };
      }
    } catch (error) {
      outcome = { kind: 'throw', error: describeError(error) };
    }
    // The arguments as they are after the call, so the tutor can see in-place changes.
    const argsAfter = [];
    for (let i = 0; i < realArgs.length; i++) {
      argsAfter[i] = typeof realArgs[i] === 'function' ? null : pack(realArgs[i]);
    }
    outcome.argsAfter = argsAfter;
    outcome.functionCalls = calls.count;
    try {
      postRaw({ type: 'result', id, outcome, printed, dropped });
      printed = '';
      dropped = 0;
    } catch (error) {
      post({ type: 'result', id, outcome: { kind: 'unclonable', error: describeError(error) } });
    }
  }
});

post({ type: 'ready' });
