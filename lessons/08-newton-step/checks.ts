// Hidden checks of task 4.1, bonus (`newtonStep`): w − H⁻¹∇L on small well-conditioned
// datasets (any accurate solver passes), the few steps Newton needs, and separable data.
import { asVector, type CheckContext, defineChecks } from '../../src/engine/check-kit.js';
import { createRandom } from '../../src/engine/datasets.js';
import { formatNumber, formatVector } from '../../src/engine/format.js';
import { hessian, lossAndGrad, newtonStep as reference, solve } from '../../src/engine/logistic.js';
import {
  type Candidate,
  type Case,
  type CaseSpec,
  checkCases,
  expectVector,
  makeCase,
  showCall,
} from '../05-hvp/checks.js';
import { leavesArguments, smallW, smallX, smallY } from '../leaves-arguments.js';
import { expectRightOnRepeat } from '../repeated-calls.js';

/** Agreement with the oracle: any direct solver, or CG run to convergence, is far closer. */
const rel = 1e-6;

/** The answers of the usual wrong steps for this case, each with the mistake it shows. */
function wrongAnswers({ X, y, w }: Case): Candidate<number[]>[] {
  const n = X.length;
  const { grad } = lossAndGrad(X, y, w);
  const H = hessian(X, w);
  const step = solve(H, grad);
  const move = (scale: number) => w.map((wj, j) => wj - scale * (step[j] ?? 0));
  return [
    { mistake: 'returns-step', value: step },
    { mistake: 'returns-step', value: step.map((x) => -x) },
    { mistake: 'plus-instead-of-minus', value: move(-1) },
    { mistake: 'no-hessian', value: w.map((wj, j) => wj - (grad[j] ?? 0)) },
    // H⁻¹∇L/n and n·H⁻¹∇L: an n too many or too few in H or in ∇L, which the step alone
    // cannot tell apart (an H without its 1/n and a ∇L divided twice give the same step).
    { mistake: 'step-n-times-short', value: move(1 / n) },
    { mistake: 'step-n-times-long', value: move(n) },
    {
      mistake: 'diagonal-hessian',
      value: w.map((wj, j) => wj - (grad[j] ?? 0) / (H[j]?.[j] ?? 1)),
    },
  ];
}

/** Calls newtonStep(X, y, w) and returns the new weights with the call as shown. */
async function step(t: CheckContext, c: Case, about?: string) {
  const args = [c.X, c.y, c.w];
  const tried = showCall(t, args, about);
  const got = asVector(t, await t.call(args, { tried }), c.w.length, 'the new weights');
  return { tried, got };
}

/** ‖v‖₂. */
function norm(v: readonly number[]): number {
  return Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
}

/**
 * A well-conditioned case: at least 6 examples per feature (so XᵀX is far from singular),
 * labels with noise, and small weights (so every sᵢ is well above 0).
 */
function conditioned(spec: CaseSpec): Case {
  return makeCase({ ...spec, n: Math.max(spec.n, 6 * spec.d), separable: false }, 0.3);
}

/** ‖H·s − ∇L‖, the residual of the step s = w − w_new the student took. */
function solveResidual(H: readonly number[][], s: readonly number[], grad: readonly number[]) {
  return norm(
    H.map((row, j) => row.reduce((sum, h, k) => sum + h * (s[k] ?? 0), 0) - (grad[j] ?? 0)),
  );
}

/** The Frobenius norm of H, the scale a backward-stable solve's residual is measured against. */
const matrixNorm = (H: readonly number[][]) => norm(H.flat());

/**
 * Near-singular Hessians, where the forward error of any solver is large but a Newton step
 * still solves H·s = ∇L to a tiny residual: features of size 1e-3 (so H is about 1e-7 and
 * its pivots look like zeros), and two features that add up to 1e-7 noise (so H has a direction of
 * almost no curvature and the step along it is huge).
 */
function nearSingularCases(): { c: Case; about: string }[] {
  const small = makeCase({ n: 30, d: 3, seed: 70, separable: false }, 0.3);
  const random = createRandom(71);
  const base = makeCase({ n: 40, d: 2, seed: 72, separable: false }, 0.3);
  const twin = base.X.map((row) => [...row, 1e-7 * random.normal() - (row[0] ?? 0)]);
  return [
    {
      c: { ...small, X: small.X.map((row) => row.map((x) => 1e-3 * x)) },
      about: 'features of size 1e-3, so every entry of H is below 1e-6',
    },
    {
      c: { ...base, X: twin, w: [...base.w, 0], v: [...base.v, 0] },
      about: 'the third feature is minus the first, plus 1e-7 noise',
    },
  ];
}

export default defineChecks([
  {
    name: 'matches w − H⁻¹∇L',
    async run(t) {
      const examples: CaseSpec[] = [
        { n: 120, d: 4, seed: 0, separable: false },
        { n: 60, d: 2, seed: 1, separable: false },
        { n: 100, d: 6, seed: 2, separable: false },
      ];
      await checkCases(
        t,
        { examples, maxN: 60, maxD: 5, separable: false, numRuns: 12 },
        async (spec) => {
          const c = conditioned(spec);
          const { tried, got } = await step(t, c);
          expectVector(t, {
            tried,
            got,
            expected: reference(c.X, c.y, c.w),
            rel,
            candidates: wrongAnswers(c),
            origin: c.w,
          });
        },
      );
    },
  },
  {
    name: 'minimum in 6 steps',
    async run(t) {
      const c = makeCase({ n: 100, d: 4, seed: 50, separable: false });
      let w = c.w.map(() => 0);
      const norms: number[] = [];
      const tried = `newtonStep(X, y, w) 6 times from w = ${formatVector(w)}, each time on the w it returned (X: 100×4, not separable)`;
      for (let k = 0; k < 6; k++) {
        const { got } = await step(t, { ...c, w });
        if (got.some((x) => !Number.isFinite(x))) {
          t.fail({
            tried,
            expected: 'finite weights after every step',
            got: `after step ${k + 1}: ${formatVector(got)}`,
          });
        }
        w = got;
        norms.push(norm(lossAndGrad(c.X, c.y, w).grad));
      }
      const last = norms[norms.length - 1] ?? Number.NaN;
      if (last <= 1e-9) return;
      t.fail({
        tried,
        expected:
          '‖∇L‖ below 1e-9 after 6 steps: near the minimum each Newton step squares the error',
        got: `‖∇L‖ after each step: ${norms.map(formatNumber).join(', ')}`,
        note: 'A Newton step solves H·s = ∇L exactly. Norms that shrink slowly and steadily mean each step is not the full H⁻¹∇L: a gradient step, a solve stopped early and a step scaled by a wrong factor all look like this.',
      });
    },
  },
  {
    name: 'Newton iterations on one dataset',
    async run(t) {
      // The same X and y objects for every iteration, each on the w the last one returned:
      // Newton to convergence, as the student's own loop runs it.
      const { X, y, data } = await t.dataset({ n: 100, d: 4, separable: false, seed: 55 });
      await expectRightOnRepeat(
        t,
        4,
        (index, previous) => {
          const from = previous ? Array.from(previous.value as ArrayLike<number>) : [0, 0, 0, 0];
          return {
            // w as a plain array: the lesson lets newtonStep return a Float64Array, and not
            // every correct newtonStep takes one.
            args: [X, y, from],
            tried: `newtonStep(X, y, w) on X 100×4 (iteration ${index + 1}, w = ${formatVector(from)})`,
            expectRight(returned, tried) {
              const got = asVector(t, returned, 4, 'the new weights');
              const expected = reference(data.X, data.y, from);
              const c: Case = { X: data.X, y: data.y, w: from, v: from };
              expectVector(t, {
                tried,
                got,
                expected,
                rel,
                candidates: wrongAnswers(c),
                origin: from,
              });
            },
          };
        },
        'X and y arrays',
      );
    },
  },
  {
    name: 'the full step, even where it raises the loss',
    async run(t) {
      // Far on the wrong side of the minimum (w ≈ −3 times it), the full Newton step overshoots:
      // the loss goes from 1.459 to 1.708. A Newton step is still w − H⁻¹∇L; a line search or
      // a fallback to a gradient step belongs in the loop that calls it, not in the step.
      const c = makeCase({ n: 30, d: 2, seed: 74, separable: false }, 0.3);
      const far: Case = { ...c, w: [-2.47, -1.34] };
      const { tried, got } = await step(
        t,
        far,
        'far from the minimum: the full step raises the loss',
      );
      expectVector(t, {
        tried,
        got,
        expected: reference(far.X, far.y, far.w),
        rel,
        // No mistake is named from this case alone: a function that falls back to w − ∇L only
        // here matches "no Hessian" without having it. The ordinary cases name those mistakes.
        origin: far.w,
      });
    },
  },
  {
    name: 'near-singular H: the step still solves H·s = ∇L',
    async run(t) {
      for (const { c, about } of nearSingularCases()) {
        const { tried, got } = await step(t, c, about);
        const { grad } = lossAndGrad(c.X, c.y, c.w);
        const H = hessian(c.X, c.w);
        const s = c.w.map((wj, j) => wj - (got[j] ?? Number.NaN));
        const residual = solveResidual(H, s, grad);
        // What any backward-stable solve reaches; a fallback step or no step is far off.
        const allowed = 1e-8 * (matrixNorm(H) * norm(s) + norm(grad));
        if (residual <= allowed) continue;
        const newton = solve(H, grad);
        t.fail({
          tried,
          expected: `a step s = w − w_new with H·s = ∇L (to ${formatNumber(allowed)}), here s ≈ ${formatVector(newton)}`,
          got: `s = ${formatVector(s)}, with ‖H·s − ∇L‖ = ${formatNumber(residual)} (‖∇L‖ = ${formatNumber(norm(grad))})`,
          note: 'H is nearly singular here but still positive definite, so the Newton step exists and is finite: solve for it as everywhere else.',
        });
      }
    },
  },
  {
    name: 'separable data: finite step',
    async run(t) {
      // Separable labels: the minimum is at infinity, and each Newton step pushes w further.
      // H stays positive definite at every finite w, so every step is finite.
      const c = makeCase({ n: 20, d: 2, seed: 60, separable: true }, 0.3);
      let w = c.w;
      for (let k = 0; k < 4; k++) {
        const shown: Case = { ...c, w };
        const { tried, got } = await step(
          t,
          shown,
          k === 0 ? 'separable data' : `separable data, after ${k} Newton steps`,
        );
        const expected = reference(c.X, c.y, w);
        expectVector(t, { tried, got, expected, rel, candidates: wrongAnswers(shown), origin: w });
        w = expected.map((x) => Math.round(x * 1e4) / 1e4);
      }
    },
  },
  leavesArguments([[smallX, smallY, smallW]]),
]);
