import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allClose,
  asNumber,
  asRecord,
  asVector,
  close,
  defineChecks,
  evaluateFunction,
  formatCall,
  maxAbsDiff,
  sandboxFunction,
} from '../../../src/engine/check-kit.js';
import { failureMessage, runTask, type TaskSpec } from '../../../src/engine/run-task.js';
import { tempDir } from '../../helpers/temp.js';

function spec(checks: TaskSpec['checks'], exportName = 'f', params = ['z']): TaskSpec {
  return {
    id: 'demo',
    file: '01-demo.ts',
    exportName,
    params,
    checks,
    mistakes: { 'naive-exp': { title: 'Overflow in exp', explanation: 'exp(1000) is Infinity.' } },
  };
}

async function runWith(task: TaskSpec, source: string) {
  const dir = tempDir();
  writeFileSync(path.join(dir, task.file), source);
  return runTask(task, { workspaceDir: dir });
}

describe('check kit', () => {
  it('shrinks a property failure to the smallest input', async () => {
    const task = spec(
      defineChecks([
        {
          name: 'no NaN',
          async run(t) {
            await t.property(
              fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), {
                minLength: 1,
                maxLength: 20,
              }),
              async (z) => {
                const out = asVector(t, await t.call([z]), z.length);
                const bad = out.findIndex(Number.isNaN);
                if (bad >= 0)
                  t.fail({
                    tried: `f([${z.join(', ')}])`,
                    got: `NaN at index ${bad}`,
                    mistake: 'naive-exp',
                  });
              },
            );
          },
        },
      ]),
    );
    // NaN from z > 709: exp overflows and Infinity/Infinity is NaN.
    const result = await runWith(
      task,
      'export function f(z: number[]) { return z.map((x) => Math.exp(x) / (1 + Math.exp(x))); }\n',
    );
    expect(result.status).toBe('fail');
    const message = result.checks[0]?.message ?? '';
    // Shrunk to the smallest z that overflows (exp(709.79) > Number.MAX_VALUE).
    expect(message).toMatch(/tried: +f\(\[709\.78\d*(, 0)?\]\)/);
    expect(message).toContain('Overflow in exp: exp(1000) is Infinity.');
    expect(result.checks[0]?.mistake).toBe('naive-exp');
  });

  it('passes a property that holds, deterministically', async () => {
    const task = spec(
      defineChecks([
        {
          name: 'length kept',
          async run(t) {
            await t.property(
              fc.array(fc.integer(), { maxLength: 5 }),
              async (z) => {
                asVector(t, await t.call([z]), z.length);
              },
              { numRuns: 20 },
            );
          },
        },
      ]),
    );
    const result = await runWith(
      task,
      'export function f(z: number[]) { return z.map((x) => x + 1); }\n',
    );
    expect(result.status).toBe('pass');
  });

  it('reads numbers and records, failing with what came back', async () => {
    const task = spec(
      defineChecks([
        {
          name: 'number',
          async run(t) {
            asNumber(t, await t.call([[1]]));
          },
        },
        {
          name: 'record',
          async run(t) {
            asRecord(t, await t.call([[1]]), ['loss', 'grad']);
          },
        },
      ]),
    );
    const result = await runWith(task, 'export function f(z: number[]) { return [z[0]]; }\n');
    expect(result.checks[0]?.message).toMatch(/Return the number itself, not a one-element array/);
    expect(result.checks[1]?.message).toMatch(/expected: an object \{ loss, grad \}/);
  });

  it('builds function arguments in the sandbox that match the tutor side and counts calls', async () => {
    const poly = { kind: 'poly' as const, a: [1, -2], b: [0.5, 0.25], c: [0.1, 0.3], d: [1, 0] };
    const task = spec(
      defineChecks([
        {
          name: 'evaluates f',
          async run(t) {
            const returned = await t.call([sandboxFunction(poly), [0.3, -0.7]]);
            const value = asNumber(t, returned);
            if (value !== evaluateFunction(poly, [0.3, -0.7])) t.fail({ got: String(value) });
            if (returned.functionCalls !== 2) t.fail({ got: `${returned.functionCalls} calls` });
          },
        },
      ]),
      'g',
      ['f', 'w'],
    );
    const result = await runWith(
      task,
      'export function g(f: (w: number[]) => number, w: number[]) { f(w); return f(w); }\n',
    );
    expect(result.checks[0]).toMatchObject({ passed: true });
  });

  it('times the student function alone, on a clock the student cannot patch', async () => {
    let measured = { computeMs: -1, elapsedMs: -1 };
    const task = spec(
      defineChecks([
        {
          name: 'timed',
          async run(t) {
            measured = await t.call([[1]]);
          },
        },
      ]),
    );
    const source = [
      'performance.now = () => 0;',
      'export function f(z: number[]) {',
      '  const until = Date.now() + 30;',
      '  while (Date.now() < until) {}',
      '  return z;',
      '}',
      '',
    ].join('\n');
    await runWith(task, source);
    expect(measured.computeMs).toBeGreaterThanOrEqual(25);
    expect(measured.elapsedMs).toBeGreaterThanOrEqual(measured.computeMs);
  });

  it('composes messages with the named mistake', () => {
    const text = failureMessage(
      {
        tried: 'f([1000])',
        expected: '[1]',
        got: '[NaN]',
        mistake: 'naive-exp',
        note: 'Branch on the sign of z.',
      },
      spec([]),
    );
    expect(text).toBe(
      'tried:    f([1000])\nexpected: [1]\ngot:      [NaN]\nOverflow in exp: exp(1000) is Infinity.\nBranch on the sign of z.',
    );
  });

  it('formats calls briefly', () => {
    expect(
      formatCall(
        'lossAndGrad',
        ['X', 'y', 'w'],
        [
          [
            [1, 2],
            [3, 4],
            [5, 6],
          ],
          [0, 1, 1],
          [0.5, -0.25],
        ],
      ),
    ).toBe('lossAndGrad(X (3×2), [0, 1, 1], [0.5, -0.25])');
    expect(formatCall('sigmoid', ['z'], [Array.from({ length: 100 }, () => 0)])).toBe(
      'sigmoid(z (100 values))',
    );
    expect(
      formatCall(
        'numericalGrad',
        ['f', 'w', 'eps'],
        [sandboxFunction({ kind: 'cosine', k: [1] }), [1], 1e-5],
      ),
    ).toBe('numericalGrad(f, [1], 1e-5)');
  });

  it('compares with NaN and infinities handled', () => {
    expect(close(1, 1 + 1e-13, 1e-12)).toBe(true);
    expect(close(1, 1.1, 1e-12)).toBe(false);
    expect(close(Number.NaN, 0, 1)).toBe(false);
    expect(close(Number.NaN, Number.NaN, 0)).toBe(true);
    expect(close(Number.POSITIVE_INFINITY, 1e308, 1)).toBe(false);
    expect(allClose([1, 2], [1, 2 + 1e-9], 0, 1e-8)).toBe(true);
    expect(allClose([1, 2], [1], 0, 1)).toBe(false);
    expect(maxAbsDiff([1, 2], [1.5, 2])).toBe(0.5);
    expect(maxAbsDiff([1, Number.NaN], [1, 2])).toBeNaN();
  });
});
