// The sandbox tried as an attacker would: a wrong sigmoid (every value 0.5) that returns the
// right values only if it reached the tutor's realm, plus code that tries, by every route of a
// class, to get there, write or read a file outside the workspace, or start a program. Each run
// must end as a fail (or timeout) with words a student understands, leave no process and no
// file behind, and the next correct file must pass on the same pool.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTask } from '../../../src/engine/run-task.js';
import { SandboxPool } from '../../../src/engine/sandbox.js';
import type { TaskResult } from '../../../src/engine/types.js';
import { alive, inGroups } from '../../helpers/process.js';
import { makeWorkspace, solvedFiles, task, tempDir } from '../../helpers/workspace.js';

const sigmoid = task('sigmoid');
const outside = tempDir('logreg-outside-');
const marker = path.join(outside, 'escaped');
const pool = new SandboxPool(128);
pool.prewarm();
afterAll(() => pool.close());

/**
 * A sigmoid file: `setup` at module level, `during` inside the call. It returns σ only when
 * `escaped` was set by reaching Node from the tutor's side; otherwise 0.5 everywhere.
 */
function attack(setup: string, during = '', returned = 'answer(z)'): string {
  return `
const outside = ${JSON.stringify(marker)};
let escaped = false;
function useHost(p: any): void {
  if (!p || !p.versions || typeof p.versions.node !== 'string') return;
  escaped = true;
  const load = (name: string) => (p.getBuiltinModule ? p.getBuiltinModule(name) : p.mainModule.require(name));
  try { load('fs').writeFileSync(outside, 'written'); } catch {}
  try { load('fs').writeFileSync(outside + '.read', load('fs').readFileSync('/etc/hostname')); } catch {}
  try { load('child_process').execFileSync('/bin/sh', ['-c', 'echo ran > ' + outside + '.spawned']); } catch {}
  try { load('inspector').open(0); } catch {}
}
/** Runs code through F, if F is a Function constructor of a realm that has Node's process. */
const tried = new Set<unknown>();
function tryHost(F: any): void {
  try {
    // Only constructors of functions: calling anything else (process.exit) is no escape.
    if (typeof F !== 'function' || F.name !== 'Function' || tried.has(F)) return;
    tried.add(F);
    useHost(F('return globalThis.process')());
  } catch {}
}
function answer(z: number[]): number[] {
  return escaped ? z.map((x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)))) : z.map(() => 0.5);
}
${setup}
export function sigmoid(z: number[]): any {
  ${during}
  return ${returned};
}
`;
}

const correct = sigmoid.solution;

/** Runs `source` as the sigmoid file, then checks what the issue promises of every attack. */
async function expectContained(
  source: string,
  statuses: readonly TaskResult['status'][] = ['fail'],
  timeoutMs = 2000,
): Promise<TaskResult> {
  const groups = pool.pids();
  const workspaceDir = makeWorkspace({ ...solvedFiles(), [sigmoid.file]: source });
  const result = await runTask(sigmoid, { workspaceDir, pool, limits: { timeoutMs } });
  expect(statuses, `${result.error}\n${result.checks[0]?.message}`).toContain(result.status);
  // The value checks fail: 0.5 is σ only at 0.
  expect(result.checks.every((check) => check.passed)).toBe(false);
  if (result.status !== 'fail') expect(result.error).toMatch(/\. [A-Z]/);
  for (const check of result.checks.filter((each) => !each.passed)) {
    expect(check.message).not.toBe('');
  }
  // Nothing written outside the workspace, nothing run.
  for (const suffix of ['', '.read', '.spawned']) expect(existsSync(marker + suffix)).toBe(false);
  // The process that ran it, and anything in its group, is gone.
  expect(groups.filter(alive)).toEqual([]);
  if (process.platform === 'linux') expect(inGroups(groups)).toEqual([]);
  // The tutor still works: the next correct file passes on the same pool.
  const next = await runTask(sigmoid, {
    workspaceDir: makeWorkspace({ ...solvedFiles(), [sigmoid.file]: correct }),
    pool,
  });
  expect(next.status).toBe('pass');
  return result;
}

/** Every object and function reachable from `roots`, by own keys and prototypes (bounded). */
const walker = `
function reachable(roots: any[]): any[] {
  const found: any[] = [];
  const seen = new Set<any>();
  const visit = (value: any, depth: number) => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return;
    if (seen.has(value) || depth > 5 || found.length > 5000) return;
    seen.add(value);
    found.push(value);
    try { visit(Object.getPrototypeOf(value), depth + 1); } catch {}
    let keys: any[] = [];
    try { keys = Reflect.ownKeys(value); } catch {}
    for (const key of keys) {
      try {
        const d = Object.getOwnPropertyDescriptor(value, key);
        if (d) for (const part of [d.value, d.get, d.set]) visit(part, depth + 1);
      } catch {}
    }
  };
  for (const root of roots) visit(root, 0);
  return found;
}
function tryAll(roots: any[]): void {
  for (const value of reachable(roots)) {
    tryHost(value);
    try { tryHost(value.constructor); } catch {}
    try { tryHost(value.constructor.constructor); } catch {}
    try { tryHost(value.caller); } catch {}
  }
}
`;

describe('the sandbox under attack', () => {
  it('a constructor chain from every object a run can see reaches only its own realm', async () => {
    const source = attack(
      `${walker}\ntryAll([globalThis, this, module, exports, typeof require === 'function' ? require : undefined, console, structuredClone, performance]);`,
      `if (!tried.has(sigmoid)) { tried.add(sigmoid); tryAll([z, sigmoid, arguments]); }
      // The sandbox's own entry, called and replaced from inside a call.
      for (const code of ['__logregEntry()', '__logregEntry = () => {}', '__logregTakeEntry?.()']) {
        try { tryAll([(0, eval)(code)]); } catch {}
      }`,
    );
    await expectContained(source);
  });

  it('values handed back run no code of the tutor: thenables, getters, conversions, proxies', async () => {
    const thenable = attack(
      '',
      '',
      '{ then(resolve: any, reject: any) { tryHost(resolve); tryHost(resolve?.constructor); tryHost(reject?.constructor); resolve(answer(z)); } }',
    );
    const result = await expectContained(thenable);
    expect(result.checks[0]?.message).toMatch(/a Promise|returned synchronously/);

    const getters = attack(
      `function spy(this: any, ...args: any[]) { for (const a of [this, ...args]) { try { tryHost(a?.constructor?.constructor); } catch {} } try { tryHost((spy as any).caller); } catch {} }`,
      `const out: any[] = answer(z);
      for (let i = 0; i < out.length; i++) Object.defineProperty(out, i, { get() { spy.call(this); return 0.5; }, enumerable: true });
      (out as any).toString = spy; (out as any).valueOf = spy; (out as any)[Symbol.toPrimitive] = spy;
      Object.defineProperty(Object.prototype, 'kind', { get() { spy.call(this); return 'value'; }, configurable: true });
      Object.defineProperty(Array.prototype, 'then', { get() { spy.call(this); return undefined; }, configurable: true });`,
      'out',
    );
    await expectContained(getters);

    const conversions = attack(
      'const sneaky = (x: number) => ({ valueOf() { tryHost(this.constructor.constructor); return x; }, toString() { return String(x); }, [Symbol.toPrimitive]() { return x; } });',
      '',
      'answer(z).map(sneaky)',
    );
    await expectContained(conversions);

    const proxy = attack(
      `const traps: any = {};
      for (const name of ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'apply', 'construct', 'defineProperty', 'set']) {
        traps[name] = (...args: any[]) => { for (const a of args.slice(0, 2)) { try { tryHost(a?.constructor?.constructor); } catch {} } return (Reflect as any)[name](...args); };
      }`,
      '',
      'new Proxy(answer(z), traps)',
    );
    await expectContained(proxy);
  });

  it('stack-trace hooks get nothing of the tutor', async () => {
    const source = attack(
      `function look(frames: any[]) {
        for (const f of frames ?? []) {
          for (const get of ['getThis', 'getFunction', 'getTypeName']) { try { const v = f[get](); tryHost(v); tryHost(v?.constructor); } catch {} }
          try { tryHost(f.constructor.constructor); } catch {}
        }
      }
      try { (Error as any).prepareStackTrace = (e: any, frames: any[]) => { look(frames); return 'hooked'; }; } catch {}
      try { Object.defineProperty(Error, 'prepareStackTrace', { get() { return (e: any, frames: any[]) => { look(frames); return 'hooked'; }; } }); } catch {}
      const holder: any = {}; Error.captureStackTrace(holder); void holder.stack;`,
      `void new Error('look').stack;
      if (z.length === 1) { const e: any = new Error('thrown'); Object.defineProperty(e, 'stack', { get() { tryHost(this.constructor.constructor); return 'at sigmoid'; } }); throw e; }`,
    );
    await expectContained(source);
  });

  it('a stack overflow or runaway memory while its values are read ends the run cleanly', async () => {
    const cycle = attack('', 'const out: any[] = answer(z); out.push(out);', 'out');
    const result = await expectContained(cycle);
    expect(result.checks.find((check) => !check.passed)?.message).toMatch(/cannot read/);

    const recursiveGetter = attack(
      '',
      'const out: any = answer(z); Object.defineProperty(out, 0, { get() { return out[0]; } });',
      'out',
    );
    await expectContained(recursiveGetter);

    const deepPrint = attack(
      '',
      'let deep: any = []; for (let i = 0; i < 100000; i++) deep = [deep]; console.log(deep);',
    );
    await expectContained(deepPrint);

    const hugeLength = attack(
      '',
      '',
      'new Proxy(answer(z), { get: (t: any, k: any) => (k === "length" ? 2 ** 32 - 1 : t[k]) })',
    );
    await expectContained(hugeLength);

    const heap = attack(
      '',
      'const all: number[][] = []; for (;;) all.push(new Array(1 << 20).fill(all.length));',
    );
    const outOfMemory = await expectContained(heap, ['crash'], 20_000);
    expect(outOfMemory.error).toMatch(/memory/);
  });

  it("Node's own ways out are not there: process, require, import(), binding, inspector, Atomics, WebAssembly", async () => {
    const source = attack(
      // Names the bundler cannot see (it refuses Node's modules it can): the run must refuse them.
      `const g: any = globalThis;
      const node = (name: string) => ['node', name].join(':');
      try { tryHost(g.process?.binding?.('fs')?.constructor); } catch {}
      try { useHost(g.process?.mainModule ? g.process : undefined); } catch {}
      try { const r: any = g.require ?? (typeof module === 'object' ? (module as any).require : undefined); r?.(node('fs')).writeFileSync(outside, 'x'); } catch {}
      // import() that fails rejects with an error: made by Node in its own realm, its
      // constructor chain would lead to the host's process.
      const rejected = (e: any) => { try { tryHost(e?.constructor); tryHost(e?.constructor?.constructor); } catch {} };
      try { const load: any = new Function('name', 'return import(name)'); load(node('fs')).then((fs: any) => fs.writeFileSync(outside, 'x'), rejected); } catch {}
      try { const load: any = new Function('name', 'return import(name)'); load(node('inspector')).then((i: any) => i.open(0), rejected); } catch {}
      try { (import(['.', 'lab'].join('/')) as Promise<unknown>).then(undefined, rejected); } catch {}
      try { (0, eval)('import("x")').then(undefined, rejected); } catch {}
      try { new (g.Worker ?? Object)('while(1){}'); } catch {}
      try { g.process?.dlopen?.({}, '/lib/x.so'); } catch {}`,
    );
    await expectContained(source);

    const atomics = attack('', 'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);');
    const waited = await expectContained(atomics, ['timeout'], 500);
    expect(waited.error).toMatch(/did not finish within 0\.5 s/);

    // (module (func (export "spin") (loop (br 0))))
    const wasm = attack(
      '',
      `const bytes = new Uint8Array([0,97,115,109,1,0,0,0,1,4,1,96,0,0,3,2,1,0,7,8,1,4,115,112,105,110,0,0,10,9,1,7,0,3,64,12,0,11,11]);
      (new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as any).spin();`,
    );
    await expectContained(wasm, ['fail', 'timeout'], 500);
  });

  it("the host realm's own errors lead nowhere: a stack overflow inside Node's hooks, import()'s promise", async () => {
    // With the stack nearly full, reading .stack or calling import() overflows inside a hook of
    // the sandbox process (Node's stack formatter, its import callback), and V8 hands the student
    // that realm's RangeError. Its Function must compile nothing.
    const source = attack(`
let levels = 4000;
// Tried once the stack has unwound: a call made near its end would overflow by itself.
const found: any[] = [];
function attempt(): void {
  try { void new Error('x').stack; } catch (e: any) { found.push(e); }
  try {
    const pending: any = import(['.', 'x'].join('/'));
    found.push(pending);
    pending?.then?.(undefined, (e: any) => tryHost(e?.constructor?.constructor));
  } catch (e: any) { found.push(e); }
}
function deep(): void {
  try { deep(); } catch (error) {
    if (levels-- > 0) { attempt(); throw error; }
  }
}
try { deep(); } catch {}
for (const value of new Set(found.map((v) => v?.constructor?.constructor))) tryHost(value);
`);
    await expectContained(source);
  });

  it("objects of the sandbox process's realm cannot change how its own code runs", async () => {
    // Handed that realm's objects (as above), student code once replaced its
    // Function.prototype.apply (Node 22, 24) or put a setter on its Object.prototype (Node 26):
    // Node's event emitter then called the student's function with `process`. It has to stay
    // exactly as a constant 0.5 scores.
    const honest = await expectContained(attack(''));
    const source = attack(`
let levels = 4000;
const found: any[] = [];
function deep(): void {
  try { deep(); } catch (error) {
    if (levels-- > 0) { try { void new Error('x').stack; } catch (e: any) { found.push(e); } throw error; }
  }
}
try { deep(); } catch {}
const HostFunction = found.map((e) => e?.constructor?.constructor).find((F) => typeof F === 'function' && F !== Function);
if (HostFunction) {
  const HFP = HostFunction.prototype;
  const HOP = Object.getPrototypeOf(HFP);
  try {
    const realApply = HFP.apply;
    HFP.apply = function (this: any, thisArg: any, args: any) {
      useHost(thisArg);
      return Reflect.apply(realApply, this, [thisArg, args]);
    };
  } catch {}
  try {
    Object.defineProperty(HOP, 'args', { configurable: true, set(this: any, v: any) {
      Object.defineProperty(this, 'args', { value: v, writable: true, enumerable: true, configurable: true });
      let p = v?.[0];
      let emitter: any;
      while (p && (p = Object.getPrototypeOf(p))) if (Object.hasOwn(p, 'emit') && Object.hasOwn(p, 'setMaxListeners')) emitter = p;
      if (!emitter || emitter.emit.name === 'hooked') return;
      const realEmit = emitter.emit;
      emitter.emit = function hooked(this: any, ...a: any[]) { useHost(this); return Reflect.apply(realEmit, this, a); };
      Promise.reject(new Error('unhandled'));
    } });
  } catch {}
  Promise.reject(new Error('unhandled'));
}
`);
    const result = await expectContained(source);
    const passed = (run: TaskResult) =>
      run.checks.filter((check) => check.passed).map((c) => c.name);
    expect(passed(result)).toEqual(passed(honest));
  });

  it('giant returns are a clear fail, not a hang', async () => {
    const many = attack('', '', 'new Array(2_000_000).fill(0.5)');
    const result = await expectContained(many);
    expect(result.checks[0]?.message).toMatch(/cannot read: it holds more than 1000000 values/);

    const long = attack('', '', '["x".repeat(20_000_000)]');
    const longResult = await expectContained(long);
    expect(longResult.checks[0]?.message).toMatch(/cannot read/);
  });
});
