// Hidden checks of task 2.3 (`numericalGrad`): central differences on polynomials with real
// curvature (where a forward difference is visibly off), the eps argument, w left exactly as
// it was, and the notebook's gradient check on the log-loss.
import fc from 'fast-check';
import {
  asVector,
  type CheckContext,
  CheckFailure,
  defineChecks,
  evaluateFunction,
  type Returned,
  sandboxFunction,
} from '../../src/engine/check-kit.js';
import { createRandom, makeData } from '../../src/engine/datasets.js';
import { formatExact, formatNumber, formatVector } from '../../src/engine/format.js';
import { lossAndGrad } from '../../src/engine/logistic.js';
import type { FunctionArgument } from '../../src/engine/sandbox.js';
import { expectRightOnRepeat } from '../repeated-calls.js';

type FunctionSpec = FunctionArgument['__logregFunction'];

/** One coordinate of a separable polynomial: a·x + b·x² + c·x³ + s·sin(x), at x = w. */
interface Term {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly s: number;
  readonly w: number;
}

const defaultEps = 1e-5;

/** A separable polynomial plus k·(w₀w₁ + w₁w₂ + …): the coupling makes ∂f/∂wᵢ depend on wᵢ₊₁. */
interface Poly {
  readonly terms: readonly Term[];
  readonly coupling: number;
}

function polySpec({ terms, coupling }: Poly): FunctionSpec {
  const d = terms.length;
  // ½·wᵀQw with Q[i][i ± 1] = k is k·Σ wᵢwᵢ₊₁.
  const Q = Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => (Math.abs(i - j) === 1 ? coupling : 0)),
  );
  return {
    kind: 'poly',
    a: terms.map((term) => term.a),
    b: terms.map((term) => term.b),
    c: terms.map((term) => term.c),
    d: terms.map((term) => term.s),
    ...(coupling !== 0 && d > 1 ? { Q } : {}),
  };
}

const subscripts = '₀₁₂₃₄₅₆₇₈₉';
const sub = (i: number) => [...String(i)].map((digit) => subscripts[Number(digit)]).join('');

/** `f(w) = 2·w₀³ − w₀² + sin(w₁)`, as the student would write it. */
function formatPoly({ terms, coupling }: Poly): string {
  const parts: string[] = [];
  const add = (k: number, body: string) => {
    if (k === 0) return;
    const size = Math.abs(k) === 1 ? body : `${formatNumber(Math.abs(k))}·${body}`;
    parts.push(parts.length === 0 ? (k < 0 ? `−${size}` : size) : `${k < 0 ? '−' : '+'} ${size}`);
  };
  terms.forEach((term, i) => {
    const x = `w${sub(i)}`;
    add(term.c, `${x}³`);
    add(term.b, `${x}²`);
    add(term.a, x);
    add(term.s, `sin(${x})`);
  });
  for (let i = 0; i + 1 < terms.length; i++) add(coupling, `w${sub(i)}w${sub(i + 1)}`);
  return `f(w) = ${parts.length === 0 ? '0' : parts.join(' ')}`;
}

// --- what a correct answer and each mistake would give, computed in the tutor -------------

const f = (spec: FunctionSpec, w: readonly number[]) => evaluateFunction(spec, w);
const shifted = (w: readonly number[], i: number, by: number) =>
  w.map((x, j) => (j === i ? x + by : x));

function central(spec: FunctionSpec, w: readonly number[], eps: number): number[] {
  return w.map((_, i) => (f(spec, shifted(w, i, eps)) - f(spec, shifted(w, i, -eps))) / (2 * eps));
}

/** The wrong answers of the named mistakes, in the order they are tried. */
function candidates(
  spec: FunctionSpec,
  w: readonly number[],
  eps: number,
): { mistake: string; value: number[]; rel?: boolean }[] {
  const here = f(spec, w);
  const right = central(spec, w, eps);
  const forward = w.map((_, i) => (f(spec, shifted(w, i, eps)) - here) / eps);
  const backward = w.map((_, i) => (here - f(spec, shifted(w, i, -eps))) / eps);
  const all = (by: number) => w.map((x) => x + by);
  const diagonal = (f(spec, all(eps)) - f(spec, all(-eps))) / (2 * eps);
  const leftover: number[] = [];
  const moving = [...w];
  w.forEach((_, i) => {
    moving[i] = (moving[i] ?? 0) + eps;
    const plus = f(spec, moving);
    moving[i] = (moving[i] ?? 0) - 2 * eps;
    leftover.push((plus - f(spec, moving)) / (2 * eps));
  });
  const list = [
    { mistake: 'forward-difference', value: forward },
    { mistake: 'forward-difference', value: backward },
    { mistake: 'divides-by-eps', value: right.map((g) => 2 * g) },
    { mistake: 'difference-reversed', value: right.map((g) => -g) },
    // ε²·∂f is tiny: matched relatively, so an all-zero answer is not taken for it.
    { mistake: 'precedence', value: right.map((g) => g * eps * eps), rel: true },
    { mistake: 'leftover-perturbation', value: leftover },
  ];
  if (w.length > 1) list.push({ mistake: 'perturbs-all', value: w.map(() => diagonal) });
  if (eps !== defaultEps)
    list.push({ mistake: 'ignores-eps', value: central(spec, w, defaultEps) });
  return list;
}

const agrees = (got: readonly number[], expected: readonly number[], tolerance: number) =>
  got.length === expected.length &&
  expected.every((e, i) => Math.abs((got[i] ?? Number.NaN) - e) <= tolerance * (1 + Math.abs(e)));

const agreesRelatively = (got: readonly number[], expected: readonly number[]) =>
  expected.some((e) => e !== 0) &&
  expected.every((e, i) => Math.abs((got[i] ?? Number.NaN) - e) <= 1e-6 * Math.abs(e));

function diagnose(
  spec: FunctionSpec,
  w: readonly number[],
  eps: number,
  got: readonly number[],
  tolerance: number,
): string | undefined {
  const right = central(spec, w, eps);
  // A candidate that equals the right answer here (f″ = 0 at w, say) explains nothing.
  const found = candidates(spec, w, eps).find(
    (c) =>
      !agrees(c.value, right, tolerance) &&
      (c.rel ? agreesRelatively(got, c.value) : agrees(got, c.value, tolerance)),
  );
  return found?.mistake;
}

/** "called f 6 times for d = 5", with what that count suggests. */
function callNote(calls: number, d: number): string | undefined {
  if (calls === 2 * d || calls === 2 * d + 1) return undefined;
  const base = `Your code called f ${calls} time${calls === 1 ? '' : 's'} for d = ${d}; central differences need 2 per coordinate (${2 * d}).`;
  // At d = 3, d + 1 = 2(d − 1) is also the count of a central difference that skips one weight.
  if (calls === d + 1 && d === 3)
    return `${base} That is d + 1, the pattern of a forward difference (f(w) once, then f(w + εeᵢ) for each i), or 2(d − 1), a central difference that skips one weight.`;
  if (calls === d + 1)
    return `${base} d + 1 calls is the pattern of a forward difference: f(w) once, then f(w + εeᵢ) for each i.`;
  if (calls === 2 && d > 1) return `${base} 2 calls in all means every coordinate moved at once.`;
  return base;
}

// --- calling --------------------------------------------------------------------------------

/**
 * Calls numericalGrad. When w comes back changed, calls once more on a copy of w rounded to
 * multiples of 1/64 with ε = 2⁻¹⁶, where `w[i] += ε; w[i] -= 2ε; w[i] += ε` is exact: if w is
 * then left alone, the student restored wᵢ by arithmetic and rounding did the rest.
 */
async function callGrad(
  t: CheckContext,
  spec: FunctionSpec,
  w: number[],
  eps: number | undefined,
  tried: string,
): Promise<Returned> {
  const args = eps === undefined ? [sandboxFunction(spec), w] : [sandboxFunction(spec), w, eps];
  try {
    return await t.call(args, { tried });
  } catch (error) {
    if (!(error instanceof CheckFailure) || error.failure.mistake !== 'mutates-argument')
      throw error;
    const dyadic = w.map((x) => Math.round(x * 64) / 64);
    let restoredExactly = false;
    try {
      await t.call([sandboxFunction(spec), dyadic, 2 ** -16]);
      restoredExactly = true;
    } catch (probe) {
      if (!(probe instanceof CheckFailure)) throw probe;
    }
    if (!restoredExactly) throw error;
    return t.fail({
      ...error.failure,
      mistake: 'restore-drift',
      note: 'The change is in the last digits, too small to show above. On a w with few binary digits, where every ± ε is exact, w came back intact: this is rounding left by restoring wᵢ with arithmetic.',
    });
  }
}

/** Both vectors, with every digit when six would hide where they differ. */
function showBoth(
  expected: readonly number[],
  got: readonly number[],
): { expected: string; got: string } {
  const hidden = got.some(
    (g, i) => g !== expected[i] && formatNumber(g) === formatNumber(expected[i] ?? Number.NaN),
  );
  const show = (v: readonly number[]) =>
    hidden ? formatVector(v, 8, formatExact) : formatVector(v);
  return { expected: show(expected), got: show(got) };
}

const callText = (w: readonly number[], eps: number | undefined, formula: string) =>
  `numericalGrad(f, ${formatVector(w)}${eps === undefined ? '' : `, ${formatNumber(eps)}`}) with ${formula}`;

/** Fails unless numericalGrad(f, w, eps) is the central difference with that eps. */
async function expectCentral(
  t: CheckContext,
  spec: FunctionSpec,
  w: number[],
  eps: number | undefined,
  formula: string,
  tolerance: number,
): Promise<void> {
  const step = eps ?? defaultEps;
  const returned = await callGrad(t, spec, w, eps, callText(w, eps, formula));
  const got = asVector(t, returned, w.length, 'the gradient (one entry per weight)');
  const expected = central(spec, w, step);
  if (agrees(got, expected, tolerance)) return;
  const shown = showBoth(expected, got);
  t.fail({
    tried: returned.tried,
    expected: `${shown.expected} (the central difference with ε = ${formatNumber(step)}, to ${formatNumber(tolerance)})`,
    got: shown.got,
    mistake: diagnose(spec, w, step, got, tolerance),
    note: callNote(returned.functionCalls, w.length),
  });
}

/**
 * Fails unless numericalGrad(f, 0, eps) on f = Σ cᵢwᵢ³ is cᵢ·eps² in every entry: the central
 * difference with the step eps (the signature's default when `eps` is undefined). A different
 * step h shows as cᵢ·h², and is named as a number.
 */
async function expectStep(t: CheckContext, poly: Poly, given: number | undefined): Promise<void> {
  const spec = polySpec(poly);
  const w = pointOf(poly);
  const eps = given ?? defaultEps;
  const returned = await callGrad(t, spec, w, given, callText(w, given, formatPoly(poly)));
  const got = asVector(t, returned, w.length, 'the gradient (one entry per weight)');
  const expected = central(spec, w, eps);
  if (expected.every((e, i) => Math.abs((got[i] ?? Number.NaN) - e) <= 1e-9 * Math.abs(e))) return;
  const shown = showBoth(expected, got);
  // The step each entry was computed with, read back from c·h².
  const steps = got.map((g, i) => Math.sqrt(g / (poly.terms[i]?.c ?? Number.NaN)));
  const step = steps[0] ?? Number.NaN;
  const oneStep =
    Number.isFinite(step) && step > 0 && steps.every((h) => Math.abs(h - step) <= 1e-6 * step);
  t.fail({
    tried: returned.tried,
    expected: `${shown.expected}: c·ε² for each cᵢ·wᵢ³ at w = 0, the central difference with ε = ${formatNumber(eps)}`,
    got: shown.got,
    note: oneStep
      ? `That is c·h² with h = ${formatNumber(step)}: the differences were taken with a step of ${formatNumber(step)}, not ${given === undefined ? `the default ε = ${formatNumber(eps)} of the signature` : `the ε = ${formatNumber(eps)} passed in`}.`
      : undefined,
  });
}

/** One coordinate's coefficients and point; every value shrinks towards 0. */
const termArbitrary: fc.Arbitrary<Term> = fc.record({
  a: fc.integer({ min: -3, max: 3 }),
  b: fc.integer({ min: -3, max: 3 }),
  c: fc.integer({ min: -3, max: 3 }),
  s: fc.integer({ min: -2, max: 2 }),
  // Multiples of 1/4: short to read, and exact when shifted by a power of two.
  w: fc.integer({ min: -8, max: 8 }).map((k) => k / 4),
});

const polyArbitrary: fc.Arbitrary<Poly> = fc.record({
  terms: fc.array(termArbitrary, { minLength: 1, maxLength: 4 }),
  coupling: fc.integer({ min: -2, max: 2 }),
});

/** A fixed cubic with sine terms and coupling: f‴ ≠ 0 in every coordinate, so ε shows. */
const cubic: Poly = {
  terms: [
    { a: 0, b: 1, c: 1, s: 0, w: 1 },
    { a: 2, b: 0, c: -2, s: 1, w: -0.5 },
    { a: -1, b: 3, c: 1, s: -1, w: 1.5 },
  ],
  coupling: 1,
};

const pointOf = (poly: Poly) => poly.terms.map((term) => term.w);

export default defineChecks([
  {
    name: 'one entry per weight',
    async run(t) {
      const single: Poly = { terms: cubic.terms.slice(0, 1), coupling: 0 };
      // d = 7, more weights than the notebook's 5: a loop bound copied from there shows.
      const seven: Poly = {
        terms: [...cubic.terms, ...cubic.terms, cubic.terms[0] as Term],
        coupling: 0,
      };
      // Every size is tried; a wrong length is the failure shown (it says the most), else the
      // first failure met.
      let first: CheckFailure | undefined;
      for (const poly of [single, cubic, seven]) {
        const w = pointOf(poly);
        try {
          const returned = await callGrad(
            t,
            polySpec(poly),
            w,
            undefined,
            callText(w, undefined, formatPoly(poly)),
          );
          asVector(t, returned, w.length, 'the gradient (one entry per weight)');
        } catch (error) {
          if (!(error instanceof CheckFailure)) throw error;
          if (error.failure.mistake === 'wrong-length') throw error;
          first ??= error;
        }
      }
      if (first) throw first;
    },
  },
  {
    name: 'central differences: error ~ε² on a cubic',
    async run(t) {
      // With ε = 1e-5 a forward difference is off by ~½·f″·ε ≈ 1e-5, the central one by
      // ~⅙·f‴·ε² ≈ 1e-10 plus rounding of f (≲ 1e-9 for these sizes).
      const tolerance = 1e-7;
      const square: Poly = { terms: [{ a: 0, b: 1, c: 0, s: 0, w: 0 }], coupling: 0 };
      // A weight f does not depend on (a padded feature), between two that it does: its
      // partial is exactly 0, and the ones after it still count.
      const padded: Poly = {
        terms: [
          { a: 1, b: 0, c: 1, s: 0, w: 0.5 },
          { a: 0, b: 0, c: 0, s: 0, w: 1 },
          { a: 0, b: 2, c: -1, s: 0, w: 1.25 },
        ],
        coupling: 0,
      };
      await t.property(
        polyArbitrary,
        (poly) =>
          expectCentral(t, polySpec(poly), pointOf(poly), undefined, formatPoly(poly), tolerance),
        { numRuns: 25, examples: [square, cubic, padded] },
      );
    },
  },
  {
    name: 'uses its eps argument',
    async run(t) {
      // With a large ε the central difference of a cubic is visibly not the derivative
      // (3w² + c·ε²): only code that really uses ε reproduces it.
      for (const eps of [0.1, 0.01]) {
        await expectCentral(t, polySpec(cubic), pointOf(cubic), eps, formatPoly(cubic), 1e-9);
      }
      // Down to 1e-8, values alone cannot tell a changed step from round-off, so the step
      // shows in the answer itself: for f = c·w³ at w = 0 the central difference is exactly
      // c·h² for the step h it took, and nothing cancels.
      const steep: Poly = {
        terms: [1e6, -2e6, 5e5].map((c) => ({ a: 0, b: 0, c, s: 0, w: 0 })),
        coupling: 0,
      };
      for (const eps of [1e-3, 1e-5, 1e-6, 1e-8]) await expectStep(t, steep, eps);
      // Called without eps, the step is the signature's 1e-5: a smaller default loses digits to
      // round-off in f, which is the point of the ε question.
      await expectStep(t, steep, undefined);
    },
  },
  {
    name: 'several w for one f',
    async run(t) {
      // A gradient check calls numericalGrad with the same f at several w.
      const spec = polySpec(cubic);
      const [fn] = await t.keep(sandboxFunction(spec));
      const points = [pointOf(cubic), [0.5, 1, -1], [-1.25, 0.25, 2], [2, -0.75, 0]];
      await expectRightOnRepeat(
        t,
        points.length,
        (index) => {
          const w = points[index] ?? [];
          return {
            args: [fn, w],
            tried: callText(w, undefined, formatPoly(cubic)),
            // w is sent afresh each call; a w changed in place is 'leaves w unchanged' to say.
            allowMutation: true,
            expectRight(returned, tried) {
              const got = asVector(t, returned, w.length, 'the gradient (one entry per weight)');
              const expected = central(spec, w, defaultEps);
              if (agrees(got, expected, 1e-7)) return;
              const shown = showBoth(expected, got);
              t.fail({
                tried,
                expected: `${shown.expected} (the central difference with ε = ${formatNumber(defaultEps)}, to 1e-7)`,
                got: shown.got,
                mistake: diagnose(spec, w, defaultEps, got, 1e-7),
              });
            },
          };
        },
        'function f',
      );
    },
  },
  {
    name: 'leaves w unchanged',
    async run(t) {
      // Values where `w[i] += ε; w[i] -= 2ε; w[i] += ε` (or ± ε twice) does not give back the
      // same double for ε = 1e-5: restoring by arithmetic shows here.
      const terms = [0.5, 0.1, -0.5, 0.7, 1.1].map((w, i) => ({
        ...(cubic.terms[i % 3] as Term),
        w,
      }));
      const poly: Poly = { terms, coupling: 1 };
      const w = pointOf(poly);
      await callGrad(t, polySpec(poly), w, undefined, callText(w, undefined, formatPoly(poly)));
    },
  },
  {
    name: 'agrees with Xᵀ(p − y)/n on the log-loss',
    async run(t) {
      // The notebook's gradient check: f = L(w) on a dataset, against the analytic gradient.
      const tolerance = 1e-7;
      const { X, y } = makeData({ n: 60, d: 4, seed: 41 });
      const direction = createRandom(42).normals(4);
      const w = direction.map((x) => x / Math.hypot(...direction));
      const spec: FunctionSpec = { kind: 'logistic-loss', X, y };
      const returned = await callGrad(
        t,
        spec,
        w,
        undefined,
        callText(w, undefined, 'f(w) = L(w), the mean log-loss on a dataset (X 60×4)'),
      );
      const got = asVector(t, returned, w.length, 'the gradient (one entry per weight)');
      const expected = lossAndGrad(X, y, w).grad;
      if (agrees(got, expected, tolerance)) return;
      const shown = showBoth(expected, got);
      t.fail({
        tried: returned.tried,
        expected: `${shown.expected} (∇L = Xᵀ(p − y)/n, to ${formatNumber(tolerance)})`,
        got: shown.got,
        mistake: diagnose(spec, w, defaultEps, got, tolerance),
        note: callNote(returned.functionCalls, w.length),
      });
    },
  },
]);
