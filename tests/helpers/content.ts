// Shared scaffolding for the task tests in tests/content: the starter and reference-solution
// tests, the loops over wrong and correct student files, and the builders of those files.
import { expect, it } from 'vitest';
import { checkSource, failures, task } from './workspace.js';

/** A failed check of a result, with the mistake it named. */
export type Failure = { name: string; mistake: string | undefined };

/** A student file with a known mistake, and the checks it must fail. */
export type Wrong = { name: string; source: string; fails: Failure[] };

/** A differently written student file that must pass. */
export type Right = { name: string; source: string };

/** A whole student file: `imports`, a blank line, then `body`. */
export const studentFile = (imports: string, body: string) => `${imports}\n${body}\n`;

/** A function: `signature`, then the `lines` of its body, one a line. */
export const fn = (signature: string, ...lines: string[]) =>
  `${signature} {\n${lines.join('\n')}\n}`;

/** The same failure, with the same mistake, on each of `checks`. */
export const each = (mistake: string | undefined, ...checks: string[]): Failure[] =>
  checks.map((name) => ({ name, mistake }));

/**
 * The starter of task `id` (file `<stem>.ts`) is reported as not implemented on every check
 * of `names`, in order; its reference solution passes. (How long a check takes is the bench's
 * to measure: `npm run bench`.)
 */
export function itStarterAndSolution(
  id: string,
  stem: string,
  names: Record<string, string>,
): void {
  const all = Object.values(names);
  const notImplemented = new RegExp(
    `^Not implemented yet: ${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.ts`,
  );

  it('the starter is reported as not implemented, check by check', async () => {
    const result = await checkSource(id, task(id).starter);
    expect(result.status).toBe('fail');
    expect(result.notImplemented).toBe(true);
    expect(result.checks.map((check) => check.name)).toEqual(all);
    for (const check of result.checks) expect(check.message).toMatch(notImplemented);
  });

  it('the reference solution passes', async () => {
    const result = await checkSource(id, task(id).solution);
    expect(result.checks.filter((check) => !check.passed)).toEqual([]);
    expect(result.status).toBe('pass');
  });
}

/** Each wrong file fails task `id` exactly on its `fails`, each with its mistake named. */
export function itCatches(id: string, wrong: Wrong[]): void {
  it.each(wrong)('catches $name', async ({ source, fails }) => {
    const result = await checkSource(id, source);
    expect(result.status).toBe('fail');
    expect(result.notImplemented).toBe(false);
    expect(failures(result)).toEqual(fails);
  });
}

/** Each correct file passes task `id` on every check. */
export function itPasses(id: string, correct: Right[]): void {
  it.each(correct)('passes $name', async ({ source }) => {
    const result = await checkSource(id, source);
    expect(result.checks.filter((check) => !check.passed)).toEqual([]);
    expect(result.status).toBe('pass');
  });
}
