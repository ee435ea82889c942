// The sandbox side of task runs: a worker that serves one run after another, each in a realm
// of its own. A run's code is compiled into a fresh V8 context (its own globals, its own Math,
// Array.prototype and JSON), so nothing one run does to its globals reaches the next run or
// this harness. The harness only reports raw values; every verdict is computed by the tutor,
// in another thread, so a student who patches globals changes at most what their function
// returns.
//
// Student code gets no Node.js: no require, no process (a stand-in whose exit ends the run),
// no parentPort to post forged messages on. What it can reach is built inside its own context:
// handing it any object of this realm would hand it this realm's Function constructor too.

import { formatWithOptions, types } from 'node:util';
import vm from 'node:vm';
import { workerData } from 'node:worker_threads';
import { pack } from './packing.js';

// The tutor talks to this harness over a private channel, not parentPort.
const port = workerData.port;
delete workerData.port;
const postRaw = port.postMessage.bind(port);
const now = performance.now.bind(performance);
const StringOf = String;
const ObjectKeys = Object.keys;
const isNativeError = types.isNativeError;

/** What one run holds between its load and its end. */
/** @typedef {{ exports: Record<string, unknown>, inside: Inside }} Run */
/**
 * The run's helpers, compiled inside its context before its code loads.
 * @typedef {{
 *   fromPacked: (value: unknown) => unknown,
 *   makeFunction: (spec: any) => unknown,
 *   functionCalls: () => number,
 *   exitCode: () => number | undefined,
 *   makeModule: () => { exports: Record<string, unknown> },
 *   require: (name: unknown) => never,
 * }} Inside
 */

/** @type {Run | undefined} */
let run;

// What the student prints goes back with each reply, on the same channel and so in order,
// capped here so a flood costs neither memory nor time on the tutor's side.
let outputCap = 0;
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

// console.log's formatting, done here rather than in the context (which has no util), without
// calling anything the student defined: no custom inspect, no getters.
const inspectOptions = { customInspect: false, getters: false, showProxy: false };

/**
 * Receives what the run's console and process.stdout print.
 * @param {unknown[]} args
 * @param {boolean} raw `process.stdout.write`: the text as is, no newline.
 */
function sink(args, raw) {
  try {
    print(raw ? StringOf(args[0]) : `${formatWithOptions(inspectOptions, ...args)}\n`);
  } catch {
    print('[a value console.log could not print]\n');
  }
}

/** @param {Record<string, unknown>} message */
function post(message) {
  message.printed = printed;
  message.dropped = dropped;
  printed = '';
  dropped = 0;
  postRaw(message);
}

// Compiled into every run's context before the run's code, so the intrinsics it captures are
// that context's own, untouched. Nothing of this realm is reachable from what it returns to the
// student: `sink` and `clock` stay in closures.
const preludeSource = `(function prelude(sink, clock) {
  'use strict';
  const isArray = Array.isArray;
  const F64 = Float64Array;
  const ArrayOf = Array;
  const TypeErrorOf = TypeError;
  const ErrorOf = Error;
  const StringOf = String;
  const ObjectKeys = Object.keys;
  const defineProperty = Object.defineProperty;
  const isView = ArrayBuffer.isView;
  const { exp, log, sin, cos } = Math;
  let calls = 0;
  let exitCode;

  // Turns what packing.js sent into this context's own arrays and objects.
  function fromPacked(value) {
    if (value === null || typeof value !== 'object') return value;
    if (isView(value)) return new F64(value);
    if (isArray(value)) {
      const copy = new ArrayOf(value.length);
      for (let i = 0; i < value.length; i++) copy[i] = fromPacked(value[i]);
      return copy;
    }
    if (value.__logregPacked === 'vector') {
      const data = value.data;
      const out = new ArrayOf(data.length);
      for (let i = 0; i < data.length; i++) out[i] = data[i];
      return out;
    }
    if (value.__logregPacked === 'rows') {
      const { data, lengths } = value;
      const out = new ArrayOf(lengths.length);
      let at = 0;
      for (let i = 0; i < lengths.length; i++) {
        const row = new ArrayOf(lengths[i]);
        for (let j = 0; j < row.length; j++) row[j] = data[at++];
        out[i] = row;
      }
      return out;
    }
    const copy = {};
    for (const key of ObjectKeys(value)) copy[key] = fromPacked(value[key]);
    return copy;
  }

  // A function argument the tutor described by kind (functions cannot cross threads); the
  // shapes are FunctionArgument in sandbox.ts.
  function makeFunction(spec) {
    const dimension = spec.kind === 'logistic-loss' ? spec.X[0].length : (spec.a ?? spec.k).length;
    const checkInput = (w) => {
      if (!w || typeof w.length !== 'number' || w.length !== dimension) {
        const got = w && typeof w.length === 'number' ? 'length ' + w.length : typeof w;
        throw new TypeErrorOf('f expects a vector of length ' + dimension + ' (one entry per weight), got ' + got);
      }
    };
    if (spec.kind === 'poly') {
      // f(w) = Σ aᵢwᵢ + bᵢwᵢ² + cᵢwᵢ³ + dᵢ·sin(wᵢ) + ½ Σ Qᵢⱼwᵢwⱼ: real curvature in every direction.
      const { a, b, c, d, Q } = spec;
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
    if (spec.kind === 'logistic-loss') {
      // The mean binary cross-entropy of the lab, written stably.
      const { X, y } = spec;
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
    if (spec.kind === 'cosine') {
      const { k } = spec;
      return function f(w) {
        calls++;
        checkInput(w);
        let total = 0;
        for (let i = 0; i < w.length; i++) total += cos(k[i] * w[i]);
        return total;
      };
    }
    throw new ErrorOf('Unknown function kind ' + spec.kind);
  }

  // structuredClone is Node's, not the language's: a plain deep copy stands in for it.
  function deepCopy(value, seen = new Map()) {
    if (value === null || typeof value !== 'object') return value;
    if (seen.has(value)) return seen.get(value);
    if (isView(value)) return value.slice();
    const copy = isArray(value) ? new ArrayOf(value.length) : {};
    seen.set(value, copy);
    for (const key of ObjectKeys(value)) copy[key] = deepCopy(value[key], seen);
    return copy;
  }

  const print = (...args) => { sink(args, false); };
  const console = {};
  for (const method of ['log', 'info', 'debug', 'warn', 'error', 'trace', 'table', 'dir']) console[method] = print;
  const write = (text) => { sink([StringOf(text)], true); return true; };
  const process = {
    exit(code) {
      exitCode = code === undefined ? 0 : Number(code);
      throw new ErrorOf('process.exit(' + exitCode + ') ended the run');
    },
    stdout: { write },
    stderr: { write },
    env: {},
    argv: [],
  };
  const globals = {
    console,
    process,
    structuredClone: (value) => deepCopy(value),
    performance: { now: () => clock() },
  };
  for (const name of ObjectKeys(globals))
    defineProperty(globalThis, name, { value: globals[name], writable: true, configurable: true });

  return {
    fromPacked,
    makeFunction,
    functionCalls: () => calls,
    exitCode: () => exitCode,
    makeModule: () => ({ exports: {} }),
    require(name) {
      throw new ErrorOf('Your file imports "' + StringOf(name) + '", but checks run your code without Node.js modules. Remove the import (console.log still works).');
    },
  };
})`;

/** @param {unknown} error */
function describeError(error) {
  if (isNativeError(error)) {
    const thrown = /** @type {Error} */ (error);
    return {
      name: StringOf(thrown.name),
      message: StringOf(thrown.message),
      stack: StringOf(thrown.stack),
    };
  }
  return { name: 'Thrown value', message: StringOf(error), stack: '' };
}

/**
 * A reply for a run that asked to end the process: the tutor ends the run with that said.
 * @param {number} id
 * @param {Inside} inside
 */
function exitReply(id, inside) {
  const code = inside.exitCode();
  if (code === undefined) return false;
  post({ type: 'result', id, outcome: { kind: 'exit', code } });
  return true;
}

/**
 * Starts a run: a new context, the prelude, then the bundled student module (CommonJS).
 * @param {{ id: number, code: string, filename: string, outputBytes: number }} message
 */
function load({ id, code, filename, outputBytes }) {
  run = undefined;
  outputCap = outputBytes;
  printed = '';
  printedTotal = 0;
  dropped = 0;
  const context = vm.createContext({}, { name: 'student' });
  /** @type {Inside} */
  const inside = vm.runInContext(preludeSource, context)(sink, now);
  try {
    const body = vm.compileFunction(code, ['exports', 'module', 'require'], {
      parsingContext: context,
      filename,
    });
    const module = inside.makeModule();
    body(module.exports, module, inside.require);
    run = { exports: module.exports, inside };
    post({ type: 'result', id, outcome: { kind: 'loaded', exports: ObjectKeys(module.exports) } });
  } catch (error) {
    if (exitReply(id, inside)) return;
    post({ type: 'result', id, outcome: { kind: 'load-error', error: describeError(error) } });
  }
}

/** @param {{ id: number, exportName: string, args: unknown[] }} message */
function call({ id, exportName, args }) {
  if (!run) {
    post({ type: 'result', id, outcome: { kind: 'missing', found: 'undefined' } });
    return;
  }
  const { exports, inside } = run;
  const before = inside.functionCalls();
  const realArgs = [];
  for (let i = 0; i < args.length; i++) {
    const plain = /** @type {any} */ (inside.fromPacked(args[i]));
    realArgs[i] = plain?.__logregFunction ? inside.makeFunction(plain.__logregFunction) : plain;
  }
  const fn = exports[exportName];
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
    if (exitReply(id, inside)) return;
    outcome = { kind: 'throw', error: describeError(error) };
  }
  if (exitReply(id, inside)) return;
  // The arguments as they are after the call, so the tutor can see in-place changes.
  const argsAfter = [];
  for (let i = 0; i < realArgs.length; i++) {
    argsAfter[i] = typeof realArgs[i] === 'function' ? null : pack(realArgs[i]);
  }
  outcome.argsAfter = argsAfter;
  outcome.functionCalls = inside.functionCalls() - before;
  try {
    postRaw({ type: 'result', id, outcome, printed, dropped });
    printed = '';
    dropped = 0;
  } catch (error) {
    post({ type: 'result', id, outcome: { kind: 'unclonable', error: describeError(error) } });
  }
}

port.on('message', (/** @type {any} */ message) => {
  if (message.type === 'load') load(message);
  else if (message.type === 'call') call(message);
  else if (message.type === 'end') run = undefined;
  else if (message.type === 'flush') {
    // Answered once every microtask the run queued has run: the worker is idle again.
    post({ type: 'result', id: message.id, outcome: { kind: 'flushed' } });
  }
});

post({ type: 'ready' });
