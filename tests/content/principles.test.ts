// The principles of lessons/README.md, held for every task: wrong files built from each task's
// reference solution (remembering earlier calls by their argument objects, drifting after the
// first call, reading only the first rows) must fail, with the diagnosis the principle promises.
import { describe, expect, it } from 'vitest';
import { checkSource, course } from '../helpers/workspace.js';

const tasks = course().tasks;

/** The reference solution with its export renamed `inner`, plus `wrapper` exporting the task's name. */
function wrapped(id: string, wrapper: (name: string) => string): string {
  const lesson = tasks.find((task) => task.id === id);
  if (!lesson) throw new Error(`no task ${id}`);
  const renamed = lesson.solution.replace(
    `export function ${lesson.exportName}(`,
    'function inner(',
  );
  expect(renamed).not.toBe(lesson.solution);
  return `${renamed}\n${wrapper(lesson.exportName)}\n`;
}

/** Scales every number of a result (a number, a vector or `{ loss, grad }`) by `k`. */
const scaleHelper = `
function scaled(value: any, k: number): any {
  if (typeof value === 'number') return value * k;
  if (Array.isArray(value) || value instanceof Float64Array) return Array.from(value, (x: number) => x * k);
  return { loss: value.loss * k, grad: Array.from(value.grad, (x: number) => x * k) };
}`;

const failedMessages = (result: Awaited<ReturnType<typeof checkSource>>) =>
  result.checks.filter((check) => !check.passed).map((check) => check.message);

describe('the principles every task’s checks follow', () => {
  // For σ, whose answer depends on z's values only, the check changes z in place between calls.
  it.each(tasks.map((task) => task.id))(
    '1. %s: a function that remembers earlier calls by their first argument object fails, and is said to',
    async (id) => {
      const source = wrapped(
        id,
        (name) => `const remembered = new WeakMap<object, unknown>();
export function ${name}(...args: any[]): any {
  if (remembered.has(args[0])) return remembered.get(args[0]);
  const answer = (inner as any)(...args);
  remembered.set(args[0], answer);
  return answer;
}`,
      );
      const result = await checkSource(id, source);
      expect(result.status).toBe('fail');
      expect(failedMessages(result).join('\n')).toMatch(/kept from an earlier call/);
    },
  );

  it.each(['hvp', 'psd'])(
    '1. %s: a function that remembers earlier calls by the v object (changed in place, as in CG) fails, and is said to',
    async (id) => {
      const source = wrapped(
        id,
        (name) => `const remembered = new WeakMap<object, unknown>();
export function ${name}(X: any, y: any, w: any, v: any): any {
  if (remembered.has(v)) return remembered.get(v);
  const answer = (inner as any)(X, y, w, v);
  remembered.set(v, answer);
  return answer;
}`,
      );
      const result = await checkSource(id, source);
      expect(result.status).toBe('fail');
      expect(failedMessages(result).join('\n')).toMatch(/kept from an earlier call/);
    },
  );

  it.each(tasks.map((task) => task.id))(
    '1. %s: a function right on its first call only, off by 0.1 % after, fails',
    async (id) => {
      const source = wrapped(
        id,
        (name) => `${scaleHelper}
let calls = 0;
export function ${name}(...args: any[]): any {
  calls++;
  const answer = (inner as any)(...args);
  return calls === 1 ? answer : scaled(answer, 1.001);
}`,
      );
      const result = await checkSource(id, source);
      expect(result.status).toBe('fail');
    },
  );

  // The tasks linear in n·d climb the size ladder to n = 5,000.
  const ladder = ['loss-and-grad', 'hvp', 'psd', 'gd-step'];
  it.each(ladder)('2. %s: a function that reads only the first 1,000 rows fails', async (id) => {
    const source = wrapped(
      id,
      (name) => `export function ${name}(X: any, y: any, ...rest: any[]): any {
  return (inner as any)(X.slice(0, 1000), y.slice(0, 1000), ...rest);
}`,
    );
    const result = await checkSource(id, source);
    expect(result.status).toBe('fail');
  });

  it('3. numericalGrad: a step raised above a small eps fails, and the step it took is named', async () => {
    const source = wrapped(
      'numerical-grad',
      (name) => `export function ${name}(f: any, w: any, eps = 1e-5): any {
  return (inner as any)(f, w, Math.max(eps, 1e-7));
}`,
    );
    const result = await checkSource('numerical-grad', source);
    expect(failedMessages(result).join('\n')).toMatch(/a step of 1e-7, not the ε = 1e-8 passed in/);
  });

  it('4. sigmoid: a shortcut in a narrow band away from the grid points fails', async () => {
    const source = wrapped(
      'sigmoid',
      (name) => `export function ${name}(z: any): any {
  return Array.from(inner(z), (p: number, i: number) => (z[i] > 3.31 && z[i] < 3.33 ? 0.965 : p));
}`,
    );
    const result = await checkSource('sigmoid', source);
    expect(result.status).toBe('fail');
  });
});
