// The sandbox process: one run of student code, under Node's permission model, in a fresh V8
// context that holds nothing of this realm. The tutor writes requests on stdin; replies go out
// on file descriptor 3 as frames. Student code never sees this file's objects: the context's
// helpers are compiled inside it (realm.js, sent as source), and everything student code may run
// (its module, its export, getters read while copying its values out) runs through one script
// with a time limit, so this process ends on its own even when the tutor is gone.
// Built with no imports but Node's own modules: the process may read this file and nothing else.
'use strict';

const fs = require('node:fs');
const vm = require('node:vm');
const { isArrayBuffer } = require('node:util').types;

const replies = 3;
const kinds = { harness: 0, realm: 1 };
const entry = new vm.Script('__logregEntry()', { filename: 'logreg-sandbox' });

/** @type {{ setModule(fn: unknown): void, submit(text: string): number, replyBuffer(): unknown, replyLength(): unknown, takeOutput(): string, warmUp(rounds: number): void, replyCount(): number } | undefined} */
let inside;
/** @type {vm.Context | undefined} */
let context;
let deadline = Number.POSITIVE_INFINITY;

// Student promises run in the context's own microtask queue (drained inside the time limit);
// a rejection nobody handled must not end this process before the reply is sent.
process.on('unhandledRejection', () => {});

/**
 * Writes one frame: length, kind, the time the operation took, then the payload.
 * @param {number} kind
 * @param {number} ms
 * @param {Uint8Array} payload
 */
function writeFrame(kind, ms, payload) {
  const header = Buffer.alloc(16);
  header.writeUInt32LE(payload.byteLength + 12, 0);
  header.writeUInt8(kind, 4);
  header.writeDoubleLE(ms, 8);
  writeAll(header);
  writeAll(payload);
}

/** @param {Uint8Array} data */
function writeAll(data) {
  let offset = 0;
  while (offset < data.byteLength) {
    try {
      offset += fs.writeSync(replies, data, offset, data.byteLength - offset);
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EAGAIN') process.exit(0);
    }
  }
}

/** @param {Record<string, unknown>} message */
function sendHarness(message) {
  writeFrame(kinds.harness, 0, Buffer.from(JSON.stringify(message)));
}

/** Ends the run because its time is up, with what the student's code printed until then. */
function timedOut() {
  let printed = '';
  try {
    printed = String(inside?.takeOutput() ?? '');
  } catch {}
  sendHarness({ type: 'timeout', printed });
  process.exit(0);
}

/** Runs the next operation of the context's request; false when the run cannot go on. */
function runOperation() {
  const started = performance.now();
  const remaining = Math.floor(deadline - started);
  if (remaining < 1) timedOut();
  const before = inside?.replyCount();
  try {
    // No prototype: vm reads options it is not given (displayErrors, breakOnSigint) before the
    // time limit starts, and they must not come from a getter student code installed.
    const options = /** @type {vm.RunningScriptOptions} */ (Object.create(null));
    options.timeout = remaining;
    entry.runInContext(/** @type {vm.Context} */ (context), options);
  } catch (error) {
    if (/** @type {{ code?: unknown }} */ (error)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      timedOut();
    }
    // Anything else escaped the context's own catch (a stack overflow while handling one):
    // the value is the student's, and is not looked at.
    sendHarness({ type: 'crash', detail: 'Your code broke the sandbox (a stack overflow?).' });
    process.exit(0);
  }
  const ms = performance.now() - started;
  const buffer = inside?.replyBuffer();
  const length = inside?.replyLength();
  // Exactly one new reply, or the operation did not run as it should (and nothing is sent).
  if (inside?.replyCount() !== Number(before) + 1) {
    sendHarness({ type: 'crash', detail: 'Your code kept the sandbox from answering.' });
    process.exit(0);
  }
  if (!isArrayBuffer(buffer) || typeof length !== 'number') process.exit(0);
  writeFrame(kinds.realm, ms, new Uint8Array(/** @type {ArrayBuffer} */ (buffer), 0, length));
}

/**
 * What import() gives student code, from eval'd strings too: a refusal made inside the context.
 * Without this callback Node rejects the import with an error of this realm, whose constructor
 * chain leads to this process. (Node calls it only under --experimental-vm-modules, which
 * sandbox-process.ts passes.)
 * @returns {never}
 */
function refuseImport() {
  throw vm.runInContext(
    'new Error("import() is not available in the sandbox: import what you need at the top of your file, from ./lab or your other task files.")',
    /** @type {vm.Context} */ (context),
  );
}

/** @param {number} kind @param {Buffer} payload */
function handle(kind, payload) {
  const text = payload.toString('utf8');
  if (kind === 1) {
    // Prepare: the context and its helpers, made before the run so a save does not wait.
    const { source, limits } = JSON.parse(text);
    context = vm.createContext(vm.constants.DONT_CONTEXTIFY, {
      name: 'student',
      microtaskMode: 'afterEvaluate',
      codeGeneration: { strings: true, wasm: false },
      importModuleDynamically: refuseImport,
    });
    // The limits go in as source text: no object of this realm is handed to the context.
    inside = vm.runInContext(`(${source})(${JSON.stringify(limits)})`, context);
    vm.runInContext('const __logregEntry = __logregTakeEntry();', context);
    inside?.warmUp(100);
    sendHarness({ type: 'ready' });
  } else if (kind === 2) {
    // Load: the student's module, compiled in the context, and the run's own deadline.
    const { code, filename, timeoutMs } = JSON.parse(text);
    deadline = performance.now() + timeoutMs;
    let body;
    try {
      body = vm.compileFunction(code, ['exports', 'module', 'require'], {
        parsingContext: context,
        filename,
        importModuleDynamically: refuseImport,
      });
    } catch {
      sendHarness({ type: 'crash', detail: 'Your file could not be loaded.' });
      process.exit(0);
    }
    inside?.setModule(body);
    inside?.submit('[{"op":"load"}]');
    runOperation();
  } else if (kind === 3) {
    const count = Number(inside?.submit(text));
    for (let i = 0; i < count; i++) runOperation();
  }
}

// Requests: a 4-byte length, a kind byte, three bytes of padding, then the JSON text.
let pending = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
  while (pending.length >= 8) {
    const length = pending.readUInt32LE(0);
    if (pending.length < 8 + length) break;
    const kind = pending.readUInt8(4);
    const payload = pending.subarray(8, 8 + length);
    pending = pending.subarray(8 + length);
    handle(kind, payload);
  }
});
// The tutor is gone (or done with this run): nothing is left to do.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
