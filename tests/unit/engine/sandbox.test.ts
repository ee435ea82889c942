// The sandbox must survive whatever an unfinished (or desperate) student file does, end each
// run with a clear verdict within its limits, and leave the tutor working for the next run.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asVector, defineChecks } from '../../../src/engine/check-kit.js';
import { runTask, type TaskSpec } from '../../../src/engine/run-task.js';
import { SandboxPool } from '../../../src/engine/sandbox.js';
import { tempDir } from '../../helpers/temp.js';

/** A tiny task: `double(v)` must return 2·v. Independent of the real lessons. */
const doubleTask: TaskSpec = {
  id: 'double',
  file: '01-double.ts',
  exportName: 'double',
  params: ['v'],
  mistakes: {},
  checks: defineChecks([
    {
      name: 'doubles [1, 2, 3]',
      async run(t) {
        const out = asVector(t, await t.call([[1, 2, 3]]), 3);
        if (out.join() !== '2,4,6')
          t.fail({ tried: 'double([1, 2, 3])', expected: '[2, 4, 6]', got: `[${out.join(', ')}]` });
      },
    },
    {
      name: 'doubles [5]',
      async run(t) {
        const out = asVector(t, await t.call([[5]]), 1);
        if (out[0] !== 10) t.fail({ expected: '[10]', got: `[${out.join(', ')}]` });
      },
    },
  ]),
};

const correct = 'export function double(v: number[]): number[] { return v.map((x) => 2 * x); }\n';

function workspaceWith(source: string): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, doubleTask.file), source);
  return dir;
}

async function run(
  source: string,
  limits: { timeoutMs?: number; heapMb?: number; externalMb?: number } = {},
) {
  return runTask(doubleTask, {
    workspaceDir: workspaceWith(source),
    limits: { timeoutMs: 2000, ...limits },
  });
}

function runOnPool(pool: SandboxPool, source: string, timeoutMs: number) {
  return runTask(doubleTask, { workspaceDir: workspaceWith(source), pool, limits: { timeoutMs } });
}

describe('sandbox', () => {
  it('passes a correct file', async () => {
    const result = await run(correct);
    expect(result.status).toBe('pass');
    expect(result.checks.map((check) => check.passed)).toEqual([true, true]);
  });

  it('stops an endless loop at the time limit and says so', async () => {
    const started = performance.now();
    const result = await run(
      'export function double(v: number[]): number[] { while (true) {} }\n',
      { timeoutMs: 500 },
    );
    expect(performance.now() - started).toBeLessThan(2500);
    expect(result.status).toBe('timeout');
    expect(result.error).toMatch(/did not finish within 0\.5 s/);
    expect(result.checks[0]?.passed).toBe(false);
    expect(result.checks[1]?.skipped).toBe(true);
  });

  it('stops an endless loop at load time', async () => {
    const result = await run(`while (true) {}\n${correct}`, { timeoutMs: 500 });
    expect(result.status).toBe('timeout');
    expect(result.checks.every((check) => check.skipped)).toBe(true);
  });

  it('reports a throw with the student file and line', async () => {
    const result = await run(
      'export function double(v: number[]): number[] {\n  const w = v.map((x) => 2 * x);\n  throw new RangeError("bad " + w.length);\n}\n',
    );
    expect(result.status).toBe('fail');
    const message = result.checks[0]?.message ?? '';
    expect(message).toContain('it threw RangeError: bad 3');
    expect(message).toContain('01-double.ts:3:9');
  });

  it('reports a syntax error with file:line:col and the line', async () => {
    const result = await run(
      'export function double(v: number[]): number[] {\n  return v.map((x) => 2 * x;\n}\n',
    );
    expect(result.status).toBe('compile-error');
    expect(result.diagnostics[0]).toMatchObject({ file: '01-double.ts', line: 2 });
    expect(result.diagnostics[0]?.lineText).toContain('return v.map');
    expect(result.error).toMatch(/^01-double\.ts:2:\d+: /);
    expect(result.checks.every((check) => check.skipped)).toBe(true);
  });

  it('reports a throw at load time with the student line', async () => {
    const result = await run(
      `const table: number[] = [];\nif (table.length === 0) throw new Error('no table');\n${correct}`,
    );
    expect(result.status).toBe('crash');
    expect(result.error).toMatch(
      /01-double\.ts threw while loading \(01-double\.ts:2:\d+\): Error: no table/,
    );
  });

  it('stops a heap that grows without end', async () => {
    const result = await run(
      'export function double(v: number[]): number[] {\n  const all: number[][] = [];\n  while (true) all.push(new Array(100000).fill(1));\n}\n',
      { heapMb: 64, timeoutMs: 10_000 },
    );
    expect(result.status).toBe('crash');
    expect(result.error).toMatch(/ran out of memory/);
  });

  it('stops typed arrays that grow without end (they live outside the heap)', async () => {
    const source =
      'export function double(v: number[]): number[] {\n  const all: Float64Array[] = [];\n  while (true) { const a = new Float64Array(1 << 24); a.fill(1); all.push(a); }\n}\n';
    const result = await run(source, { externalMb: 256, timeoutMs: 20_000 });
    expect(result.status).toBe('crash');
    expect(result.error).toMatch(/used more than \d+ MB of memory/);
  });

  it('treats process.exit as a failure, not a pass', async () => {
    const result = await run(
      'export function double(v: number[]): number[] { process.exit(0); }\n',
    );
    expect(result.status).toBe('crash');
    expect(result.error).toMatch(/process\.exit\(0\)/);
    expect(result.checks.some((check) => check.passed)).toBe(false);
  });

  it('caps a console flood and keeps it apart from the verdict', async () => {
    const source = `export function double(v: number[]): number[] {\n  for (let i = 0; i < 5000; i++) console.log('line', i);\n  return v.map((x) => 2 * x);\n}\n`;
    // Generous time: printing is slow when the machine is busy, and this test is about the cap.
    const result = await run(source, { timeoutMs: 10_000 });
    expect(result.status).toBe('pass');
    expect(result.output.text.length).toBeLessThanOrEqual(16 * 1024);
    expect(result.output.text.slice(0, 14)).toBe('line 0\nline 1\n');
    expect(result.output.droppedBytes).toBeGreaterThan(50_000);
  });

  it('keeps what an endless loop printed before the timeout', async () => {
    const source = `export function double(v: number[]): number[] {\n  for (let i = 0; ; i++) console.log('step', i);\n}\n`;
    const result = await run(source, { timeoutMs: 1000 });
    expect(result.status).toBe('timeout');
    expect(result.output.text.slice(0, 14)).toBe('step 0\nstep 1\n');
  });

  it('is not fooled by patched globals', async () => {
    const source = [
      '// Make every comparison look equal and every array look right.',
      'Array.prototype.join = function () { return "2,4,6"; };',
      'Object.is = () => true;',
      'JSON.stringify = () => "{}";',
      'Math.abs = () => 0;',
      'export function double(v: number[]): number[] { return v; }',
      '',
    ].join('\n');
    const result = await run(source);
    expect(result.status).toBe('fail');
    expect(result.checks.map((check) => check.passed)).toEqual([false, false]);
  });

  it('is not fooled by forged messages', async () => {
    const source = [
      // A computed name: an import by name is refused when bundling, before the sandbox.
      "const threads = ['node', 'worker_threads'].join(':');",
      'const { parentPort, workerData } = require(threads);',
      'const nonce = workerData?.nonce;',
      'for (let id = 0; id < 10; id++) {',
      "  parentPort?.postMessage({ nonce, type: 'result', id, outcome: { kind: 'value', value: [2, 4, 6], argsAfter: [[1, 2, 3]], functionCalls: 0 } });",
      "  parentPort?.postMessage({ type: 'verdict', passed: true, status: 'pass' });",
      '}',
      'export function double(v: number[]): number[] { return v; }',
      '',
    ].join('\n');
    const result = await run(source);
    // Student code runs without Node's modules: there is no port to forge a message on.
    expect(result.status).toBe('crash');
    expect(result.error).toMatch(/imports "node:worker_threads".*without Node\.js modules/);
    expect(result.checks.some((check) => check.passed)).toBe(false);
  });

  it('fails a function that returns a Promise, saying so', async () => {
    const result = await run(
      'export async function double(v: number[]): Promise<number[]> { return v.map((x) => 2 * x); }\n',
    );
    expect(result.status).toBe('fail');
    expect(result.checks[0]?.message).toMatch(/got: +a Promise/);
    expect(result.checks[0]?.mistake).toBeUndefined();
  });

  it('fails a wrong type and a wrong length, saying which', async () => {
    const wrongType = await run('export function double(v: number[]): any { return "2,4,6"; }\n');
    expect(wrongType.checks[0]?.message).toMatch(/got: +the string "2,4,6"/);
    const wrongLength = await run(
      'export function double(v: number[]): number[] { return [...v, 0].map((x) => 2 * x); }\n',
    );
    expect(wrongLength.checks[0]?.message).toMatch(/expected: a vector of length 3/);
  });

  it('names an argument modified in place by the entry that changed the most', async () => {
    const result = await run(
      'export function double(v: number[]): number[] { for (let i = 0; i < v.length; i++) v[i] *= 2; return v; }\n',
    );
    expect(result.checks[0]?.message).toMatch(
      /v\[2\] was 3, is now 6 \(the largest change of 3 changed entries\)/,
    );
  });

  it('names an argument that grew, and a change in the last digits', async () => {
    const grew = await run(
      'export function double(v: number[]): number[] { v.push(0); return v.slice(0, -1).map((x) => 2 * x); }\n',
    );
    expect(grew.checks[0]?.message).toMatch(/v had 3 entries, now has 4/);
    const drifted = await run(
      'export function double(v: number[]): number[] { const out = v.map((x) => 2 * x); v[0] *= 1 + 2 ** -52; return out; }\n',
    );
    expect(drifted.checks[0]?.message).toMatch(/v\[0\] was 1, is now 1\.0000000000000002/);
  });

  it('accepts a Float64Array', async () => {
    const result = await run(
      'export function double(v: number[]): Float64Array { return Float64Array.from(v, (x) => 2 * x); }\n',
    );
    expect(result.status).toBe('pass');
  });

  it('says when the export is missing', async () => {
    const result = await run('export function twice(v: number[]): number[] { return v; }\n');
    expect(result.checks[0]?.message).toContain('no export named `double`');
  });

  it('still works after each kind of failure, from one warm pool', async () => {
    const pool = new SandboxPool(64);
    const sources = [
      'export function double(v: number[]): number[] { while (true) {} }\n',
      'export function double(v: number[]): number[] { process.exit(1); }\n',
      'export function double(v: number[]): number[] { throw new Error("x"); }\n',
      correct,
    ];
    const statuses: string[] = [];
    // A short limit for the endless loop; the others get time for their process to start.
    for (const [index, source] of sources.entries()) {
      statuses.push((await runOnPool(pool, source, index === 0 ? 300 : 5000)).status);
    }
    await pool.close();
    expect(statuses).toEqual(['timeout', 'crash', 'fail', 'pass']);
  });

  it('runs each file in a process and realm of its own: no globals, patches or module state carry over', async () => {
    const pool = new SandboxPool(64);
    const runOn = (source: string) => runOnPool(pool, source, 2000);
    const patcher = [
      'Array.prototype.map = function () { return [0]; };',
      'Math.abs = () => 0;',
      '(globalThis as any).leak = 1;',
      'export function double(v: number[]): number[] { return v; }',
      '',
    ].join('\n');
    // Module state: a correct answer only for the first two calls of a run (there are two checks).
    const counting = [
      'let calls = 0;',
      'export function double(v: number[]): number[] {',
      '  calls++;',
      '  const leak = (globalThis as any).leak ?? 0;',
      '  return calls > 2 ? v : v.map((x) => 2 * x + leak);',
      '}',
      '',
    ].join('\n');
    const statuses: string[] = [];
    for (const source of [patcher, counting, counting]) statuses.push((await runOn(source)).status);
    await pool.close();
    expect(statuses).toEqual(['fail', 'pass', 'pass']);
  });

  it('uses each process for one run, and has the next one ready', async () => {
    const pool = new SandboxPool(64);
    pool.prewarm();
    // The next process is started just after a run ends (once its verdict has gone on).
    // Generous time for the correct file: the limit counts a process's start too.
    const runOn = async (source: string, timeoutMs = 5000) => {
      const result = await runOnPool(pool, source, timeoutMs);
      const started = pool.processesStarted;
      while (pool.processesStarted === started)
        await new Promise((resolve) => setTimeout(resolve, 10));
      return result;
    };
    expect(pool.processesStarted).toBe(1);
    expect((await runOn(correct)).status).toBe('pass');
    // The one that ran is gone; a fresh one waits for the next run.
    expect(pool.processesStarted).toBe(2);
    expect(pool.pids()).toHaveLength(1);
    expect(
      (await runOn('export function double(v: number[]): number[] { while (true) {} }\n', 300))
        .status,
    ).toBe('timeout');
    expect(pool.processesStarted).toBe(3);
    expect((await runOn(correct)).status).toBe('pass');
    expect(pool.pids()).toHaveLength(1);
    await pool.close();
    expect(pool.pids()).toEqual([]);
  });

  it('gives student code nothing of the tutor: not through its arguments, nor its globals', async () => {
    const source = [
      'export function double(v: number[]): number[] {',
      '  const viaArgument = (v as any).constructor.constructor("return globalThis.process?.versions?.node")();',
      '  const viaGlobal = (globalThis as any).process?.versions?.node ?? (globalThis as any).require;',
      '  if (viaArgument || viaGlobal) throw new Error("reached Node " + (viaArgument ?? viaGlobal));',
      '  return v.map((x) => 2 * x);',
      '}',
      '',
    ].join('\n');
    const result = await run(source);
    expect(result.checks.map((check) => check.message)).toEqual(['', '']);
    expect(result.status).toBe('pass');
  });

  it('keeps console, process.stdout.write, structuredClone and performance.now working', async () => {
    const source = [
      'export function double(v: number[]): number[] {',
      '  const copy = structuredClone(v);',
      '  const t = performance.now();',
      '  console.log("copy", copy, typeof t);',
      '  process.stdout.write("raw\\n");',
      '  return copy.map((x) => 2 * x);',
      '}',
      '',
    ].join('\n');
    const result = await run(source);
    expect(result.status).toBe('pass');
    expect(result.output.text).toContain('copy [ 1, 2, 3 ] number\nraw\n');
  });

  it('rejects with an AbortError when cancelled, and stops the worker', async () => {
    const controller = new AbortController();
    const pending = runTask(doubleTask, {
      workspaceDir: workspaceWith(
        'export function double(v: number[]): number[] { while (true) {} }\n',
      ),
      signal: controller.signal,
      limits: { timeoutMs: 60_000 },
    });
    setTimeout(() => controller.abort(), 200);
    const started = performance.now();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('marks an untouched starter as not implemented', async () => {
    const result = await run(
      "export function double(v: number[]): number[] {\n  throw new Error('TODO: double every entry');\n}\n",
    );
    expect(result.status).toBe('fail');
    expect(result.notImplemented).toBe(true);
    expect(result.checks[0]?.message).toMatch(/^Not implemented yet: 01-double\.ts still throws/);
  });
});

/** A task whose checks are `checks`, on a `step(v)` export. */
function stepTask(checks: TaskSpec['checks']): TaskSpec {
  return { ...doubleTask, exportName: 'double', checks };
}

describe('handles and batches', () => {
  it('passes a kept value as the same object every time, so a second call sees the first', async () => {
    // Doubles in place and returns how long v is: the second call sees the doubled values.
    const inPlace =
      'export function double(v: number[]): number { for (let i = 0; i < v.length; i++) v[i] *= 2; return v[0]; }\n';
    const seen: unknown[] = [];
    const task = stepTask(
      defineChecks([
        {
          name: 'same object',
          async run(t) {
            const [v] = await t.keep([1, 2, 3]);
            seen.push((await t.call([v], { allowMutation: true })).value);
            seen.push((await t.call([v], { allowMutation: true })).value);
            // The tutor's copy is what was sent.
            seen.push(v?.value);
          },
        },
      ]),
    );
    const result = await runTask(task, { workspaceDir: workspaceWith(inPlace) });
    expect(result.status).toBe('pass');
    expect(seen).toEqual([2, 4, [1, 2, 3]]);
  });

  it('names a change the student made to a kept argument', async () => {
    const inPlace =
      'export function double(v: number[]): number[] { v[0] = 7; return v.map((x) => 2 * x); }\n';
    const task = stepTask(
      defineChecks([
        {
          name: 'leaves v alone',
          async run(t) {
            const [v] = await t.keep([1, 2, 3]);
            await t.call([v]);
          },
        },
      ]),
    );
    const result = await runTask(task, { workspaceDir: workspaceWith(inPlace) });
    expect(result.checks[0]?.message).toMatch(/v\[0\] was 1, is now 7/);
  });

  it('runs a loop of steps on handles: each result kept and passed to the next call', async () => {
    const seen: unknown[] = [];
    const task = stepTask(
      defineChecks([
        {
          name: 'three steps',
          async run(t) {
            let [w] = await t.keep([1, 2]);
            for (let step = 0; step < 3; step++) {
              const returned = await t.call([w], { keepResult: true });
              w = returned.handle;
              seen.push(returned.value);
            }
          },
        },
      ]),
    );
    const result = await runTask(task, { workspaceDir: workspaceWith(correct) });
    expect(result.status).toBe('pass');
    expect(seen).toEqual([
      [2, 4],
      [4, 8],
      [8, 16],
    ]);
  });

  it('batches calls in one round trip, each read as a call is, the first failure failing the check', async () => {
    const outcomes: unknown[] = [];
    const checks = defineChecks([
      {
        name: 'a batch',
        async run(t) {
          const returned = await t.callEach([[[1]], [[2, 3]], [[Number.NaN, -0]]]);
          outcomes.push(...returned.map((each) => each.value));
        },
      },
    ]);
    const passed = await runTask(stepTask(checks), { workspaceDir: workspaceWith(correct) });
    expect(passed.status).toBe('pass');
    expect(outcomes).toEqual([[2], [4, 6], [Number.NaN, -0]]);
    expect(Object.is((outcomes[2] as number[])[1], -0)).toBe(true);

    const throwsOnSecond =
      'let calls = 0;\nexport function double(v: number[]): number[] { if (++calls === 2) throw new Error("second"); return v; }\n';
    const failed = await runTask(stepTask(checks), { workspaceDir: workspaceWith(throwsOnSecond) });
    expect(failed.status).toBe('fail');
    expect(failed.checks[0]?.message).toMatch(
      /tried: +double\(\[2, 3\]\)\ngot: +it threw Error: second/,
    );
  });
});

describe('a kept vector changed in place', () => {
  // Answers from a cache keyed by the array object: right on a new array, stale on the same
  // array once its entries change.
  const byObject =
    'const seen = new WeakMap<number[], number[]>();\nexport function double(v: number[]): number[] { const hit = seen.get(v); if (hit) return hit; const out = v.map((x) => 2 * x); seen.set(v, out); return out; }\n';

  it('is the same object with new entries, and its Handle carries the new values', async () => {
    const seen: unknown[] = [];
    const task = stepTask(
      defineChecks([
        {
          name: 'changed in place',
          async run(t) {
            const [v] = await t.keep([1, 2, 3]);
            if (!v) return;
            seen.push((await t.call([v])).value);
            const changed = await t.overwrite(v, [5, 6, 7]);
            seen.push(changed.value, changed.id === v.id);
            seen.push((await t.call([changed])).value);
            seen.push((await t.call([[5, 6, 7]])).value);
          },
        },
      ]),
    );
    const result = await runTask(task, { workspaceDir: workspaceWith(byObject) });
    expect(result.status).toBe('pass');
    expect(seen).toEqual([[2, 4, 6], [5, 6, 7], true, [2, 4, 6], [10, 12, 14]]);
  });

  it('defines the items without calling a setter the module put on Array.prototype or on the array', async () => {
    const patched = `Object.defineProperty(Array.prototype, '1', { get() { return 42; }, set() { throw new Error('setter'); }, configurable: true });
export function double(v: number[]): number[] {
  Object.defineProperty(v, 0, { get() { return 9; }, set() { throw new Error('own setter'); }, configurable: true, enumerable: true });
  return [v.length];
}
`;
    const seen: unknown[] = [];
    const task = stepTask(
      defineChecks([
        {
          name: 'changed in place',
          async run(t) {
            const [v] = await t.keep([1, 2]);
            if (!v) return;
            await t.call([v], { allowMutation: true });
            const changed = await t.overwrite(v, [3, 4]);
            const [echo] = await t.keep(0);
            seen.push(changed.value, echo ? 'kept' : 'none');
          },
        },
      ]),
    );
    const result = await runTask(task, { workspaceDir: workspaceWith(patched) });
    expect(result.status).toBe('pass');
    expect(seen).toEqual([[3, 4], 'kept']);
  });

  it('fails the check, naming no mistake, when the function froze the array it was given', async () => {
    const freezes =
      'export function double(v: number[]): number[] { Object.freeze(v); return v.map((x) => 2 * x); }\n';
    const task = stepTask(
      defineChecks([
        {
          name: 'changed in place',
          async run(t) {
            const [v] = await t.keep([1, 2]);
            if (!v) return;
            await t.call([v]);
            await t.overwrite(v, [3, 4]);
          },
        },
      ]),
    );
    const result = await runTask(task, { workspaceDir: workspaceWith(freezes) });
    expect(result.status).toBe('fail');
    expect(result.checks[0]?.mistake).toBeUndefined();
    expect(result.checks[0]?.message).toMatch(/frozen or sealed/);
  });
});

describe('datasets made in the sandbox', () => {
  // The module's own patches run before any dataset is made: none may reach the arrays the
  // sandbox builds (items are defined, never assigned through a prototype or an iterator).
  const patches = [
    "for (const i of ['0', '1', '3', '19', '99']) Object.defineProperty(Array.prototype, i, { get() { return 42; }, set() {}, configurable: true });",
    'Object.defineProperty(Object.prototype, Symbol.iterator, { get() { return function* () { yield 7; }; }, configurable: true });',
    "Object.defineProperty(Object.prototype, 'length', { get() { return 1; }, configurable: true });",
    '(Array as any).from = () => [7];',
    'Array.prototype.push = function () { return 0; };',
  ].join('\n');
  it.each([
    ['a plain module', ''],
    ['a module that patched Array.prototype, Array.from and Object.prototype', patches],
  ])(
    'are exactly the ones the tutor makes from the same seed, up to a 5,000 × 20 X (%s)',
    async (_, setup) => {
      const echo = `${setup}\nexport function double(v: unknown): unknown { return v; }\n`;
      const compared: boolean[] = [];
      const task = stepTask(
        defineChecks([
          {
            name: 'same numbers',
            async run(t) {
              for (const options of [
                { n: 400, d: 5, separable: false, seed: 7 },
                { n: 50, d: 3, separable: true, seed: 1 },
                { n: 5000, d: 20, separable: false, seed: 3 },
              ]) {
                const { X, y, data } = await t.dataset(options);
                const [gotX, gotY] = await t.callEach([[X], [y]]);
                compared.push(
                  JSON.stringify(gotX?.value) === JSON.stringify(data.X) &&
                    JSON.stringify(gotY?.value) === JSON.stringify(data.y) &&
                    data.X.length === options.n,
                );
              }
            },
          },
        ]),
      );
      const result = await runTask(task, { workspaceDir: workspaceWith(echo) });
      expect(result.status).toBe('pass');
      expect(compared).toEqual([true, true, true]);
    },
  );
});
