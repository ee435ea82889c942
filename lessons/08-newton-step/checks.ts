// Hidden checks of task 4.1, bonus (`newtonStep`): w − H⁻¹∇L on small well-conditioned
// datasets (any accurate solver passes), the few steps Newton needs, and separable data.
import { asVector, type CheckContext, defineChecks } from '../../src/engine/check-kit.js';
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
    { mistake: 'hessian-missing-mean', value: move(1 / n) },
    { mistake: 'unaveraged-gradient', value: move(n) },
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
        note: 'A Newton step solves H·s = ∇L exactly. If the norms shrink slowly and steadily, the step is a gradient step or the linear solve stops too early.',
      });
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
]);
