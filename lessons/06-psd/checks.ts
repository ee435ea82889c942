// Hidden checks of task 3.2 (`vHv`): one number, equal to v·(Hv) on random datasets, never
// negative whatever the direction, and exactly 0 along a direction the data cannot see.
import fc from 'fast-check';
import {
  asNumber,
  type CheckContext,
  defineChecks,
  type Returned,
} from '../../src/engine/check-kit.js';
import { describeValue, formatNumber, formatVector } from '../../src/engine/format.js';
import { dot, matVec, hvp as reference, sigmoid } from '../../src/engine/logistic.js';
import {
  type Candidate,
  type Case,
  type CaseSpec,
  checkCases,
  expectNumber,
  makeCase,
  severalVAndW,
  showCall,
  vectorsClose,
} from '../05-hvp/checks.js';
import { leavesArguments, smallW, smallX, smallY } from '../leaves-arguments.js';

/** The reference vᵀHv. */
function quadratic(c: Case): number {
  return dot(c.v, reference(c.X, c.w, c.v));
}

/** The answers of the usual wrong formulas for this case, each with the mistake it shows. */
function wrongAnswers({ X, w, v }: Case): Candidate<number>[] {
  const n = X.length;
  const p = matVec(X, w).map(sigmoid);
  const Xv = matVec(X, v);
  const weighted = (s: readonly number[]) =>
    s.reduce((sum, si, i) => sum + si * (Xv[i] ?? 0) ** 2, 0) / n;
  const right = weighted(p.map((pi) => pi * (1 - pi)));
  const Hv = reference(X, w, v);
  return [
    { mistake: 'missing-mean', value: right * n },
    { mistake: 'sign-error', value: -right },
    { mistake: 'p-not-variance', value: weighted(p) },
    { mistake: 'forgot-s', value: weighted(p.map(() => 1)) },
    { mistake: 'norm-not-quadratic', value: dot(Hv, Hv) },
    { mistake: 'norm-not-quadratic', value: Math.sqrt(dot(Hv, Hv)) },
    // Σ sᵢ(xᵢ·v) without the square: the direct sum written from memory.
    {
      mistake: 'missing-square',
      value: p.reduce((sum, pi, i) => sum + pi * (1 - pi) * (Xv[i] ?? 0), 0) / n,
    },
  ];
}

/**
 * The returned vᵀHv as one number. An array is named returns-vector only when it is H·v itself;
 * any other array (the number wrapped in one, the n terms of the sum) fails with what it is.
 */
function readQuadratic(t: CheckContext, returned: Returned, c: Case): number {
  const { value } = returned;
  if (!(Array.isArray(value) || value instanceof Float64Array)) {
    return asNumber(t, returned, 'one number, vᵀHv');
  }
  const entries = Array.from(value as ArrayLike<unknown>);
  const numbers = entries.every((x) => typeof x === 'number') ? (entries as number[]) : undefined;
  const [n, d] = [c.X.length, c.w.length];
  const isHv =
    numbers !== undefined &&
    numbers.length === d &&
    vectorsClose(numbers, reference(c.X, c.w, c.v), rel);
  const inside = numbers?.[0];
  const note =
    numbers?.length === 1
      ? `Return the number itself, not a one-element array${inside !== undefined && Math.abs(inside - quadratic(c)) <= rel * Math.abs(quadratic(c)) + 1e-15 ? ': the value inside is right' : ''}.`
      : !isHv && numbers?.length === n && n !== d
        ? `An array of n = ${n} numbers came back, one per example: vᵀHv is one number.`
        : isHv
          ? undefined
          : 'An array came back: vᵀHv is one number.';
  return t.fail({
    tried: returned.tried,
    expected: 'one number, vᵀHv',
    got: describeValue(value),
    mistake: isHv ? 'returns-vector' : undefined,
    note,
  });
}

/** Agreement with the oracle: summation order moves the last digits, a wrong formula more. */
const rel = 1e-7;

/** Calls vHv on `c`; fails unless it returned one finite-or-not number (checked by the caller). */
async function callOn(
  t: CheckContext,
  c: Case,
  about?: string,
): Promise<{ tried: string; got: number }> {
  const args = [c.X, c.y, c.w, c.v];
  const tried = showCall(t, args, about);
  return { tried, got: readQuadratic(t, await t.call(args, { tried }), c) };
}

/** A small dataset shown in full, at moderate and at large weights (where most sᵢ ≈ 0). */
const small: Case = makeCase({ n: 6, d: 3, seed: 21, separable: false });
const signCases: Case[] = [small, { ...small, w: small.w.map((wi) => 6 * wi) }];

export default defineChecks([
  {
    name: 'returns one number',
    async run(t) {
      const c = makeCase({ n: 5, d: 3, seed: 20, separable: false });
      const { tried, got } = await callOn(t, c);
      if (!Number.isFinite(got)) {
        t.fail({
          tried,
          expected: `one finite number, vᵀHv ≈ ${formatNumber(quadratic(c))}`,
          got: formatNumber(got),
          note: 'NaN often comes from reading past the end of an array (undefined × a number is NaN): v has d entries, Hv has d, Xv has n.',
        });
      }
    },
  },
  {
    name: 'equals v·(Hv)',
    async run(t) {
      const examples: CaseSpec[] = [
        { n: 120, d: 5, seed: 0, separable: false },
        { n: 100, d: 3, seed: 1, separable: true },
        { n: 30, d: 8, seed: 2, separable: false },
      ];
      await checkCases(t, { examples, maxN: 60, maxD: 6, numRuns: 12 }, async (spec) => {
        const c = makeCase(spec);
        const { tried, got } = await callOn(t, c, spec.separable ? 'separable data' : undefined);
        const expected = quadratic(c);
        // The abs floor only matters when vᵀHv is itself ~0 (all examples saturated).
        expectNumber(t, { tried, got, expected, rel, abs: 1e-15, candidates: wrongAnswers(c) });
      });
    },
  },
  {
    name: 'several v and w on one X',
    async run(t) {
      // The same X and y objects, several directions v at one w, then a new w.
      // The last call climbs to the top of the size ladder.
      await severalVAndW(t, 'vHv', 56, (returned, tried, c) =>
        expectNumber(t, {
          tried,
          got: readQuadratic(t, returned, c),
          expected: quadratic(c),
          rel,
          abs: 1e-12,
          candidates: wrongAnswers(c),
        }),
      );
    },
  },
  {
    name: 'vᵀHv ≥ 0 for random v',
    async run(t) {
      const direction = fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 3, maxLength: 3 });
      await t.property<[number, number[]]>(
        fc.tuple(fc.constantFrom(0, 1), direction),
        async ([which, v]) => {
          const base = signCases[which] as Case;
          const c: Case = { ...base, v };
          const { tried, got } = await callOn(t, c, which === 1 ? 'large weights' : undefined);
          // Rounding can leave −1e−17 where the true value is ~0; a sign error is far bigger.
          const floor = -1e-12 * (1 + dot(v, v));
          if (got >= floor) return;
          const expected = quadratic(c);
          const mistake = wrongAnswers(c).find(
            (wrong) => Math.abs(got - wrong.value) <= rel * Math.abs(wrong.value) + 1e-15,
          )?.mistake;
          t.fail({
            tried,
            expected: `a number ≥ 0: vᵀHv = (1/n)·Σᵢ sᵢ(xᵢ·v)² = ${formatNumber(expected)}`,
            got: formatNumber(got),
            mistake,
            note: mistake
              ? undefined
              : Number.isNaN(got)
                ? 'NaN is not ≥ 0: look for an index past the end of an array.'
                : 'Each term sᵢ(xᵢ·v)² is a positive weight times a square, so the sum cannot be negative.',
          });
        },
        { numRuns: 25, examples: [[0, [1, 0, 0]]] },
      );
    },
  },
  {
    name: 'vᵀHv = 0 when Xv = 0',
    async run(t) {
      // More features than examples: v = [2, −1, 1] is invisible to both rows (Xv = [0, 0]).
      const c: Case = {
        X: [
          [1, 2, 0],
          [0, 1, 1],
        ],
        y: [1, 0],
        w: [0.5, -0.25, 1],
        v: [2, -1, 1],
      };
      const { tried, got } = await callOn(t, c, `Xv = ${formatVector(matVec(c.X, c.v))}`);
      if (Math.abs(got) <= 1e-12) return;
      t.fail({
        tried,
        expected: '0 (to 1e-12): every term sᵢ(xᵢ·v)² has xᵢ·v = 0',
        got: formatNumber(got),
        note: 'H is positive semi-definite, not definite: along a direction that no example sees, the loss is flat. Compute vᵀHv from H·v (or from Xv), with nothing added.',
      });
    },
  },
  leavesArguments([[smallX, smallY, smallW, [0.5, -1, 2]]]),
]);
