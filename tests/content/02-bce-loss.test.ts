// Task 1.2 (bceLoss) as students will meet it: the starter is "not implemented", the reference
// passes, every named mistake is caught and named, and differently written correct files pass.
import { describe } from 'vitest';
import {
  itCatches,
  itPasses,
  itStarterAndSolution,
  type Right,
  studentFile,
  type Wrong,
} from '../helpers/content.js';

const id = 'bce-loss';
const names = {
  matches: 'matches the mean cross-entropy',
  repeat: 'several p for one y',
  finite: 'finite at p = 0 and p = 1',
  mean: 'mean, not sum',
  nonNegative: 'never negative',
  args: 'leaves its arguments as they were',
};
const everyCheck = Object.values(names);
/** Every check but the one of arguments changed in place, which only that mistake fails. */
const all = everyCheck.filter((name) => name !== names.args);

/** A whole student file exporting `bceLoss`. */
const file = (body: string) => studentFile("import type { Vector } from './lab';\n", body);

/** The loss with a per-example term `term` (y and q in scope) and a final `reduce` of `total`. */
const loop = (
  term: string,
  reduce = 'total / y.length',
  clip = 'Math.min(Math.max(p[i], 1e-12), 1 - 1e-12)',
) =>
  file(`export function bceLoss(y: Vector, p: Vector): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const q = ${clip};
    total += ${term};
  }
  return ${reduce};
}`);

const standard = '-(y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q))';

describe('02-bce-loss', () => {
  itStarterAndSolution(id, '02-bce-loss', names);

  const wrong: Wrong[] = [
    {
      name: 'no clipping (0·log 0 = NaN at p = 1, y = 1)',
      source: loop(standard, undefined, 'p[i]'),
      fails: [{ name: names.finite, mistake: 'zero-log-zero' }],
    },
    {
      name: 'a branch on y without clipping (log 0 = −Infinity)',
      source: loop('y[i] === 1 ? -Math.log(q) : -Math.log(1 - q)', undefined, 'p[i]'),
      fails: [{ name: names.finite, mistake: 'log-zero' }],
    },
    {
      name: 'clipping only from below',
      source: loop(standard, undefined, 'Math.max(p[i], 1e-12)'),
      fails: [{ name: names.finite, mistake: 'zero-log-zero' }],
    },
    {
      name: 'the sum instead of the mean',
      source: loop(standard, 'total'),
      fails: [
        { name: names.matches, mistake: 'sum-not-mean' },
        { name: names.repeat, mistake: 'sum-not-mean' },
        { name: names.mean, mistake: 'sum-not-mean' },
      ],
    },
    {
      name: 'the minus sign forgotten',
      source: loop('y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q)'),
      fails: [
        { name: names.matches, mistake: 'sign-flipped' },
        { name: names.repeat, mistake: 'sign-flipped' },
        { name: names.finite, mistake: 'sign-flipped' },
        { name: names.nonNegative, mistake: 'sign-flipped' },
      ],
    },
    {
      name: 'Math.log10',
      source: loop('-(y[i] * Math.log10(q) + (1 - y[i]) * Math.log10(1 - q))'),
      fails: [
        { name: names.matches, mistake: 'log-base' },
        { name: names.repeat, mistake: 'log-base' },
      ],
    },
    {
      name: 'Math.log2',
      source: loop('-(y[i] * Math.log2(q) + (1 - y[i]) * Math.log2(1 - q))'),
      fails: [
        { name: names.matches, mistake: 'log-base' },
        { name: names.repeat, mistake: 'log-base' },
      ],
    },
    {
      name: 'y and p swapped, clipped',
      source: file(`export function bceLoss(p: Vector, y: Vector): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], 1e-12), 1 - 1e-12);
    total -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
  }
  return total / y.length;
}`),
      fails: [
        { name: names.matches, mistake: 'swapped-args' },
        { name: names.repeat, mistake: 'swapped-args' },
      ],
    },
    {
      name: 'y and p swapped, unclipped',
      source: file(`export function bceLoss(p: Vector, y: Vector): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) total -= y[i] * Math.log(p[i]) + (1 - y[i]) * Math.log(1 - p[i]);
  return total / y.length;
}`),
      fails: [
        { name: names.matches, mistake: 'swapped-args' },
        { name: names.repeat, mistake: 'swapped-args' },
        { name: names.finite, mistake: undefined },
        { name: names.mean, mistake: undefined },
      ],
    },
    {
      name: 'only the y = 1 term',
      source: loop('-y[i] * Math.log(q)'),
      fails: [
        { name: names.matches, mistake: 'one-term' },
        { name: names.repeat, mistake: 'one-term' },
      ],
    },
    {
      name: 'clipping with ε = 1e-3',
      source: loop(standard, undefined, 'Math.min(Math.max(p[i], 1e-3), 1 - 1e-3)'),
      fails: [
        { name: names.matches, mistake: 'clips-too-much' },
        { name: names.finite, mistake: 'clips-too-much' },
      ],
    },
    {
      name: 'infinite terms skipped',
      source: file(`export function bceLoss(y: Vector, p: Vector): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const term = -(y[i] * Math.log(p[i]) + (1 - y[i]) * Math.log(1 - p[i]));
    if (Number.isFinite(term)) total += term;
  }
  return total / y.length;
}`),
      fails: [{ name: names.finite, mistake: 'skips-examples' }],
    },
    {
      name: 'the per-example losses instead of their mean',
      source: file(`export function bceLoss(y: Vector, p: Vector): number {
  return y.map((yi, i) => {
    const q = Math.min(Math.max(p[i], 1e-12), 1 - 1e-12);
    return -(yi * Math.log(q) + (1 - yi) * Math.log(1 - q));
  }) as unknown as number;
}`),
      fails: all.map((name) => ({ name, mistake: 'returns-vector' })),
    },
    {
      name: 'p clipped in place',
      source: file(`export function bceLoss(y: Vector, p: Vector): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    p[i] = Math.min(Math.max(p[i], 1e-12), 1 - 1e-12);
    total -= y[i] * Math.log(p[i]) + (1 - y[i]) * Math.log(1 - p[i]);
  }
  return total / y.length;
}`),
      // Only the calls with p exactly 0 or 1 (or beyond 1 − 1e-12) see a change.
      fails: [
        { name: names.finite, mistake: 'mutates-argument' },
        { name: names.args, mistake: 'mutates-argument' },
      ],
    },
  ];

  itCatches(id, wrong);

  const correct: Right[] = [
    {
      name: 'reduce with a branch on the label and ε = 1e-15',
      source: file(`const EPS = 1e-15;

export function bceLoss(y: Vector, p: Vector): number {
  const total = y.reduce((sum, yi, i) => {
    const q = Math.min(Math.max(p[i], EPS), 1 - EPS);
    return sum + (yi === 1 ? -Math.log(q) : -Math.log(1 - q));
  }, 0);
  return total / y.length;
}`),
    },
    {
      name: 'log(p + ε) instead of a clip',
      source: loop(
        '-(y[i] * Math.log(q + 1e-12) + (1 - y[i]) * Math.log(1 - q + 1e-12))',
        undefined,
        'p[i]',
      ),
    },
    {
      name: 'Math.log1p for log(1 − p), ε = 1e-7',
      source: loop(
        '-(y[i] * Math.log(q) + (1 - y[i]) * Math.log1p(-q))',
        undefined,
        'Math.min(Math.max(p[i], 1e-7), 1 - 1e-7)',
      ),
    },
    {
      name: 'a clip helper, for…of over entries and a separate mean',
      source: file(`function clip(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

function mean(values: number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

export function bceLoss(y: Vector, p: Vector): number {
  const losses: number[] = [];
  for (const [i, label] of y.entries()) {
    const q = clip(p[i], 1e-12, 1 - 1e-12);
    losses.push(-label * Math.log(q) - (1 - label) * Math.log(1 - q));
  }
  return mean(losses);
}`),
    },
  ];

  itPasses(id, correct);
});
