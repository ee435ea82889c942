// Hidden checks of task 4.1 (`gdStep`): w − lr·∇L on random datasets, the learning rate
// honoured, the loss going down, and saturated examples that must not turn the step into NaN.
import { asVector, type CheckContext, defineChecks } from '../../src/engine/check-kit.js';
import { formatNumber, formatVector } from '../../src/engine/format.js';
import { lossAndGrad, newtonStep, gdStep as reference } from '../../src/engine/logistic.js';
import { nonFiniteGradientNote } from '../03-loss-and-grad/checks.js';
import {
  type Candidate,
  type Case,
  type CaseSpec,
  checkCases,
  expectVector,
  makeCase,
  showCall,
  vectorsClose,
} from '../05-hvp/checks.js';
import { leavesArguments, smallW, smallX, smallY } from '../leaves-arguments.js';
import { expectRightOnRepeat, ladderDatasets } from '../repeated-calls.js';

/** Agreement with the oracle: the same formula, up to summation order. */
const rel = 1e-9;

/** The answers of the usual wrong steps for this case, each with the mistake it shows. */
function wrongAnswers({ X, y, w }: Case, lr: number): Candidate<number[]>[] {
  const { grad } = lossAndGrad(X, y, w);
  const n = X.length;
  const step = (scale: number) => w.map((wj, j) => wj - scale * (grad[j] ?? 0));
  return [
    { mistake: 'gradient-ascent', value: step(-lr) },
    // Above 1, a step of 1 is also what capping lr at 1 gives: only a smaller lr tells.
    ...(lr < 1 ? [{ mistake: 'ignores-lr', value: step(1) }] : []),
    { mistake: 'unaveraged-gradient', value: step(lr * n) },
    { mistake: 'returns-step', value: grad.map((g) => -lr * g) },
    { mistake: 'returns-step', value: grad.map((g) => lr * g) },
    { mistake: 'returns-gradient', value: grad },
  ];
}

/** Calls gdStep(X, y, w, lr) on `c` and returns the new weights with the call as shown. */
async function step(t: CheckContext, c: Case, lr: number, about?: string) {
  const args = [c.X, c.y, c.w, lr];
  const tried = showCall(t, args, about);
  const got = asVector(t, await t.call(args, { tried }), c.w.length, 'the new weights');
  return { tried, got };
}

/** Compares one step with w − lr·∇L, naming the mistake where one fits. */
async function compare(t: CheckContext, c: Case, lr: number, about?: string): Promise<void> {
  const { tried, got } = await step(t, c, lr, about);
  expectVector(t, {
    tried,
    got,
    expected: reference(c.X, c.y, c.w, lr),
    rel,
    candidates: wrongAnswers(c, lr),
    origin: c.w,
  });
}

/**
 * True when the step is right where every saturated z is negative (σ exactly 0, e^z = 0): an
 * e^z that overflows breaks only positive z, while a residual that divides by p or 1 − p breaks
 * here too, so only then is a NaN at large positive z an overflowing σ.
 */
async function rightWhereOnlyNegativeSaturates(t: CheckContext): Promise<boolean> {
  const c: Case = {
    X: [
      [2, 1],
      [1, 3],
      [0.5, 0.5],
    ],
    y: [0, 1, 0],
    w: [-300, -200],
    v: [],
  };
  const lr = 0.5;
  const { got } = await step(t, c, lr, 'z = Xw = [-800, -900, -250]');
  return vectorsClose(got, reference(c.X, c.y, c.w, lr), 1e-6);
}

/** Learning rates the random cases use; none is 1, where ignoring lr would go unnoticed. */
const rates = [0.1, 0.5, 0.05, 2];

export default defineChecks([
  {
    name: 'equals w − lr·∇L',
    async run(t) {
      const examples: CaseSpec[] = [
        { n: 120, d: 5, seed: 0, separable: false },
        { n: 100, d: 3, seed: 1, separable: true },
        { n: 30, d: 8, seed: 2, separable: false },
      ];
      await checkCases(t, { examples, maxN: 60, maxD: 6, numRuns: 12 }, (spec) =>
        compare(
          t,
          makeCase(spec),
          rates[spec.seed % rates.length] ?? 0.1,
          spec.separable ? 'separable data' : undefined,
        ),
      );
      // Every parameter across its range: lr from tiny to large, w from 0 to large on
      // separable data, and features left unscaled (in the tens), where ‖∇L‖ is well above 1.
      const separable = makeCase({ n: 50, d: 4, seed: 5, separable: true });
      const unscaled = makeCase({ n: 40, d: 3, seed: 6, separable: false }, 0.05);
      const ranges: [Case, number, string][] = [
        [{ ...separable, w: separable.w.map(() => 0) }, 1e-4, 'separable data, w = 0, lr = 1e-4'],
        [separable, 10, 'separable data, lr = 10'],
        [{ ...separable, w: separable.w.map((x) => 25 * x) }, 0.5, 'separable data, large w'],
        [
          { ...unscaled, X: unscaled.X.map((row) => row.map((x) => 20 * x)) },
          0.1,
          'features in the tens',
        ],
      ];
      // Near the minimum, where ‖∇L‖ is about 1e−4: the small late steps of a run count too.
      const converging = makeCase({ n: 60, d: 3, seed: 7, separable: false });
      let optimum = converging.w.map(() => 0);
      for (let k = 0; k < 8; k++) optimum = newtonStep(converging.X, converging.y, optimum);
      ranges.push([
        { ...converging, w: optimum.map((x, j) => x + (j === 0 ? 1e-3 : -5e-4)) },
        0.5,
        'near the minimum, ‖∇L‖ ≈ 1e-4',
      ]);
      // After the random cases, which tell the named mistakes apart (with w = 0, w + lr·∇L
      // and the step lr·∇L are the same numbers).
      for (const [c, lr, about] of ranges) await compare(t, c, lr, about);
    },
  },
  {
    name: 'several steps on one dataset',
    async run(t) {
      // Gradient descent as the student's own loop runs it: the same X and y objects every
      // step, each step from the w the last one returned; the last step climbs to the top of
      // the size ladder.
      const datasetFor = await ladderDatasets(t, 52, 4);
      const lr = 0.5;
      await expectRightOnRepeat(
        t,
        4,
        (index, previous) => {
          const from = previous
            ? Array.from(previous.value as ArrayLike<number>)
            : Array.from({ length: 20 }, (_, j) => ((j % 5) - 2) / 10);
          const { X, y, data, shape } = datasetFor(index);
          return {
            args: [X, y, from, lr],
            tried: `gdStep(X, y, w, ${lr}) on X ${shape} (step ${index + 1}, w = ${formatVector(from)})`,
            expectRight(returned, tried) {
              const got = asVector(t, returned, from.length, 'the new weights');
              const c: Case = { X: data.X, y: data.y, w: from, v: from };
              expectVector(t, {
                tried,
                got,
                expected: reference(data.X, data.y, from, lr),
                rel,
                candidates: wrongAnswers(c, lr),
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
    name: 'honours lr',
    async run(t) {
      const c = makeCase({ n: 8, d: 2, seed: 31, separable: false });
      for (const lr of [0.1, 0.5, 0])
        await compare(t, c, lr, lr === 0 ? 'lr = 0: no move' : undefined);
    },
  },
  {
    name: 'loss goes down (lr = 0.1)',
    async run(t) {
      const lr = 0.1;
      for (const spec of [
        { n: 200, d: 5, seed: 40, separable: false },
        { n: 100, d: 3, seed: 41, separable: true },
        { n: 12, d: 2, seed: 42, separable: false },
      ]) {
        // Weights far from the minimum, so a step in the right direction clearly helps.
        const c = makeCase(spec, 1.5);
        const { tried, got } = await step(t, c, lr, spec.separable ? 'separable data' : undefined);
        const before = lossAndGrad(c.X, c.y, c.w).loss;
        const after = lossAndGrad(c.X, c.y, got).loss;
        if (after < before) continue;
        const unchanged = got.every((x, j) => x === c.w[j]);
        const match = wrongAnswers(c, lr).find((wrong) => vectorsClose(got, wrong.value, 1e-7));
        t.fail({
          tried,
          expected: `new weights with a loss below L(w) = ${formatNumber(before)}`,
          got: `${formatVector(got)}, with L = ${formatNumber(after)}`,
          mistake: match?.mistake,
          note: unchanged ? 'The weights came back unchanged: nothing was subtracted.' : undefined,
        });
      }
    },
  },
  {
    name: 'finite for large weights',
    async run(t) {
      // z = Xw = [−100, −400, 800, 50]: σ is 0 or 1 to double precision. Two examples are
      // confidently wrong, so ∇L is of order 1 and the step must be finite.
      const c: Case = {
        X: [
          [1, 2],
          [-1, 0.5],
          [2, -1],
          [0.5, 0.5],
        ],
        y: [1, 0, 1, 0],
        w: [300, -200],
        v: [],
      };
      const lr = 0.5;
      const { tried, got } = await step(t, c, lr, 'z = Xw = [-100, -400, 800, 50]');
      const expected = reference(c.X, c.y, c.w, lr);
      if (got.some((x) => !Number.isFinite(x))) {
        const overflow = await rightWhereOnlyNegativeSaturates(t);
        t.fail({
          tried,
          expected: `${formatVector(expected)}: ∇L = Xᵀ(p − y)/n with p exactly 0 or 1`,
          got: formatVector(got),
          mistake: overflow ? 'unstable-sigmoid' : undefined,
          note: overflow ? undefined : nonFiniteGradientNote,
        });
      }
      expectVector(t, { tried, got, expected, rel, candidates: wrongAnswers(c, lr), origin: c.w });
    },
  },
  leavesArguments([[smallX, smallY, smallW, 0.1]]),
]);
