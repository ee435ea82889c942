// Hidden checks of task 2.2 (`lossAndGrad`): the shape of the result, the loss and gradient
// against the oracle on seeded datasets, the direction of the gradient, and large weights.
import {
  allClose,
  asRecord,
  asVector,
  type CheckContext,
  close,
  defineChecks,
  firstMismatch,
  maxAbsDiff,
  type Returned,
} from '../../src/engine/check-kit.js';
import { createRandom, makeData } from '../../src/engine/datasets.js';
import {
  describeValue,
  formatApart,
  formatDifference,
  formatExact,
  formatNumber,
  formatVector,
  formatVectorsApart,
} from '../../src/engine/format.js';
import { matTVec, matVec, lossAndGrad as reference, sigmoid } from '../../src/engine/logistic.js';
import { leavesArguments, smallW, smallX, smallY } from '../leaves-arguments.js';
import { expectRightOnRepeat, ladderDatasets } from '../repeated-calls.js';

/** A call's inputs and how to name them in a message. */
interface Case {
  readonly X: number[][];
  readonly y: number[];
  readonly w: number[];
  /** How the call is shown, e.g. `lossAndGrad(X, y, w) on a separable dataset (400×5)`. */
  readonly label?: string;
}

/** Small enough to read in a message; n ≠ d so a gradient of length n is recognised. */
const tiny: Case = {
  X: [
    [1, 2, 0],
    [0, 1, -1],
    [2, 0, 1],
    [-1, 1, 1],
    [1, -2, 0.5],
    [0.5, 0.5, 2],
  ],
  y: [1, 0, 1, 0, 1, 0],
  w: [0.1, -0.2, 0.3],
};

/** A lab dataset with weights of norm `norm` in a seeded random direction (|z| stays ≲ 10). */
function datasetCase(n: number, d: number, separable: boolean, seed: number, norm: number): Case {
  const { X, y } = makeData({ n, d, separable, seed });
  const direction = createRandom(seed + 1000).normals(d);
  const length = Math.hypot(...direction);
  const w = direction.map((x) => (norm * x) / length);
  const kind = separable ? 'separable' : 'non-separable';
  return {
    X,
    y,
    w,
    label: `lossAndGrad(X, y, w) on a ${kind} dataset (X ${n}×${d}), w = ${formatVector(w)}`,
  };
}

let madeCases: readonly Case[] | undefined;

/**
 * What to look at when the gradient is not finite for |z| in the hundreds. Both causes give a
 * NaN here, so the note names them as possibilities and claims neither.
 */
export const nonFiniteGradientNote =
  'Here |z| is in the hundreds, so σ(z) is exactly 0 or 1 in doubles. Two usual sources of a NaN there: e^z/(1 + e^z) once e^z overflows (Infinity/Infinity), and a residual written as ∂ℓ/∂p · ∂p/∂z, which divides by p and 1 − p (0/0). ∂ℓᵢ/∂zᵢ simplifies to pᵢ − yᵢ, which needs neither.';

/** The cases the value checks run, smallest first so a failure shows on a readable call. */
function cases(): readonly Case[] {
  madeCases ??= [
    tiny,
    datasetCase(8, 2, false, 21, 1),
    datasetCase(37, 3, true, 22, 2),
    datasetCase(200, 5, true, 23, 1.5),
    datasetCase(200, 5, false, 24, 1.5),
  ];
  return madeCases;
}

/** The notebook's sanity check: w = 0 makes every p = 0.5, so the loss is log 2. */
function zeroWeights(): Case {
  const { X, y } = makeData({ n: 400, d: 5, seed: 0 });
  return {
    X,
    y,
    w: [0, 0, 0, 0, 0],
    label: 'lossAndGrad(X, y, w) on the non-separable dataset (X 400×5), w = 0',
  };
}

/** The student's `{ loss, grad }`, with the tuple, vector-loss and length-n mistakes named. */
function readResult(
  t: CheckContext,
  returned: Returned,
  c: Case,
): { loss: number; grad: number[] } {
  const { value } = returned;
  // A pair is a number and a vector; two numbers are a gradient of length 2 returned alone.
  const isVectorValue = (x: unknown) => Array.isArray(x) || x instanceof Float64Array;
  if (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'number' &&
    isVectorValue(value[1])
  ) {
    t.fail({
      tried: returned.tried,
      expected: 'an object { loss, grad }',
      got: `a pair: ${describeValue(value)}`,
      mistake: 'returns-tuple',
    });
  }
  const record = asRecord(t, returned, ['loss', 'grad']);
  if (typeof record.loss !== 'number') {
    const isVector = isVectorValue(record.loss);
    t.fail({
      tried: returned.tried,
      expected: 'loss: one number, the mean over the examples',
      got: `loss: ${describeValue(record.loss)}`,
      mistake: isVector ? 'returns-vector' : undefined,
    });
  }
  const n = c.X.length;
  const d = c.w.length;
  const grad = record.grad as ArrayLike<number> | undefined;
  if (n !== d && isVectorValue(grad) && grad?.length === n) {
    t.fail({
      tried: returned.tried,
      expected: `grad of length d = ${d} (one entry per weight, like w)`,
      got: `grad of length n = ${n}: ${formatVector(grad)}`,
      mistake: 'grad-length-n',
    });
  }
  return { loss: record.loss, grad: asVector(t, { ...returned, value: grad }, d, 'grad') };
}

async function callCase(
  t: CheckContext,
  c: Case,
): Promise<{ returned: Returned; loss: number; grad: number[] }> {
  const returned = await t.call([c.X, c.y, c.w], c.label ? { tried: c.label } : {});
  return { returned, ...readResult(t, returned, c) };
}

const mean = (values: readonly number[]) => values.reduce((sum, x) => sum + x, 0) / values.length;

/** The clipped cross-entropy of (y, q) for any q, NaN where an unclipped log is undefined. */
function crossEntropy(y: readonly number[], q: readonly number[], eps: number): number {
  return mean(
    y.map((label, i) => {
      const qi = Math.min(Math.max(q[i] ?? 0, eps), 1 - eps);
      return -(label * Math.log(qi) + (1 - label) * Math.log(1 - qi));
    }),
  );
}

function diagnoseLoss(c: Case, got: number): string | undefined {
  // A NaN would "match" every model that is NaN too (log of a z outside (0, 1), say).
  if (!Number.isFinite(got)) return undefined;
  const expected = reference(c.X, c.y, c.w).loss;
  const n = c.X.length;
  if (n > 1 && close(got, n * expected, 1e-6)) return 'loss-sum';
  const z = matVec(c.X, c.w);
  const bounds = [0, 1e-16, 1e-15, 1e-12, 1e-10, 1e-8, 1e-7, 1e-6];
  if (bounds.some((eps) => close(got, crossEntropy(c.y, z, eps), 1e-6))) return 'forgot-sigmoid';
  return undefined;
}

function diagnoseGrad(c: Case, got: readonly number[]): string | undefined {
  const expected = reference(c.X, c.y, c.w).grad;
  const n = c.X.length;
  const d = c.w.length;
  const like = (candidate: readonly number[]) =>
    maxAbsDiff(got, candidate) <= 1e-9 + 1e-6 * Math.max(...candidate.map(Math.abs));
  const scaled = (v: readonly number[], k: number) => v.map((x) => k * x);
  if (like(scaled(expected, n))) return 'grad-not-averaged';
  // −n·∇L is two mistakes (y − p and no 1/n): naming either one alone would explain it wrongly.
  if (like(scaled(expected, -1))) return 'grad-sign';
  const z = matVec(c.X, c.w);
  const linear = matTVec(
    c.X,
    z.map((zi, i) => zi - (c.y[i] ?? 0)),
  );
  if (like(scaled(linear, 1 / n)) || like(linear)) return 'forgot-sigmoid';
  if (n !== d && like(scaled(expected, n / d))) return 'averages-over-d';
  return undefined;
}

/**
 * The rung of the size ladder with many examples and few features (20,000 × 2, made in the
 * sandbox from its seed): a loss summed by recursion over the examples, or over only the first
 * few thousand, shows here and costs a correct solution almost nothing.
 */
async function expectManyExamples(t: CheckContext): Promise<void> {
  const { X, y, data } = await t.dataset({ n: 20000, d: 2, separable: false, seed: 27 });
  const w = [0.8, -0.6];
  const c: Case = {
    X: data.X,
    y: data.y,
    w,
    label: `lossAndGrad(X, y, w) on a non-separable dataset (X 20000×2), w = ${formatVector(w)}`,
  };
  const returned = await t.call([X, y, w], { tried: c.label });
  const { loss, grad } = readResult(t, returned, c);
  const expected = reference(c.X, c.y, w);
  if (close(loss, expected.loss, 1e-8, 1e-12) && allClose(grad, expected.grad, 1e-8, 1e-10)) return;
  const [gotGrad, expectedGrad] = formatVectorsApart(grad, expected.grad);
  const [gotLoss, expectedLoss] = formatApart(loss, expected.loss);
  const lossRight = close(loss, expected.loss, 1e-8, 1e-12);
  t.fail({
    tried: returned.tried,
    expected: `loss ${expectedLoss}, grad ${expectedGrad}`,
    got: `loss ${gotLoss}, grad ${gotGrad}`,
    mistake: lossRight ? diagnoseGrad(c, grad) : diagnoseLoss(c, loss),
  });
}

export default defineChecks([
  {
    name: 'returns { loss, grad } with grad of length d',
    async run(t) {
      await callCase(t, tiny);
      await callCase(t, datasetCase(8, 2, false, 21, 1));
    },
  },
  {
    name: 'loss = mean BCE of σ(Xw)',
    async run(t) {
      const [first, ...rest] = cases();
      for (const c of [first as Case, zeroWeights(), ...rest]) {
        const { returned, loss } = await callCase(t, c);
        const expected = reference(c.X, c.y, c.w).loss;
        if (close(loss, expected, 1e-8, 1e-12)) continue;
        // Six digits can hide a difference of 1e-8: then show every digit.
        const show = formatNumber(loss) === formatNumber(expected) ? formatExact : formatNumber;
        t.fail({
          tried: returned.tried,
          expected: `loss ${show(expected)}${c.w.every((x) => x === 0) ? ' (= log 2: every p is 0.5)' : ''}`,
          got: `loss ${show(loss)}`,
          mistake: diagnoseLoss(c, loss),
        });
      }
    },
  },
  {
    name: 'grad = Xᵀ(p − y)/n',
    async run(t) {
      for (const c of cases()) {
        const { returned, grad } = await callCase(t, c);
        const expected = reference(c.X, c.y, c.w).grad;
        if (firstMismatch(grad, expected, 1e-8, 1e-10) === -1) continue;
        // The entry farthest off, not the first: it is the one that shows the mistake.
        const diff = maxAbsDiff(grad, expected);
        const index = Number.isNaN(diff)
          ? grad.findIndex((g) => Number.isNaN(g))
          : grad.findIndex((g, j) => Math.abs(g - (expected[j] ?? 0)) === diff);
        const [gotText, expectedText] = formatVectorsApart(grad, expected);
        t.fail({
          tried: returned.tried,
          expected: `grad ${expectedText}`,
          got: `grad ${gotText} (entry ${index} is off the most: ${formatDifference(grad[index] ?? Number.NaN, expected[index] ?? Number.NaN)})`,
          mistake: diagnoseGrad(c, grad),
        });
      }
    },
  },
  {
    name: '−grad points downhill',
    async run(t) {
      // Direction only: a step of fixed length 1e-3 against the student's gradient, judged by
      // the reference loss. A gradient of the wrong size still passes here; its sign does not.
      const step = 1e-3;
      for (const c of cases().filter((_, i) => i === 0 || i === 2 || i === 4)) {
        const { returned, grad } = await callCase(t, c);
        const length = Math.hypot(...grad);
        if (!(length > 0)) {
          t.fail({
            tried: returned.tried,
            expected: 'a nonzero gradient (w is not a minimum here)',
            got: `grad ${formatVector(grad)}`,
          });
        }
        const before = reference(c.X, c.y, c.w).loss;
        const moved = c.w.map((wi, j) => wi - (step * (grad[j] ?? 0)) / length);
        const after = reference(c.X, c.y, moved).loss;
        if (after < before) continue;
        t.fail({
          tried: `${returned.tried}, then a step of length ${formatNumber(step)} against grad: w − ${formatNumber(step)}·grad/‖grad‖`,
          expected: `the loss to go down from L(w) = ${formatNumber(before)}`,
          got: `L(w − ${formatNumber(step)}·grad/‖grad‖) = ${formatNumber(after)}: it went up`,
          // Uphill is named only when a model explains the whole gradient: a gradient that is
          // wrong in another way can point uphill too.
          mistake: ((m) => (m === 'forgot-sigmoid' || m === 'grad-sign' ? m : undefined))(
            diagnoseGrad(c, grad),
          ),
        });
      }
    },
  },
  {
    name: 'several w on one dataset',
    async run(t) {
      // A gradient check or a descent loop calls lossAndGrad on the same X and y objects at
      // several w; the last call climbs to the top of the size ladder.
      const datasetFor = await ladderDatasets(t, 54, 4);
      const random = createRandom(t.seed);
      const scaled = () => random.normals(20).map((x) => 0.3 * x);
      const ws = [new Array<number>(20).fill(0), scaled(), scaled(), scaled()];
      await expectRightOnRepeat(
        t,
        ws.length,
        (index) => {
          const w = ws[index] ?? [];
          const { X, y, data, shape } = datasetFor(index);
          const c: Case = { X: data.X, y: data.y, w };
          return {
            args: [X, y, w],
            tried: `lossAndGrad(X, y, w) on X ${shape} with w = ${formatVector(w)}`,
            expectRight(returned, tried) {
              const { loss, grad } = readResult(t, returned, c);
              const expected = reference(c.X, c.y, c.w);
              if (
                close(loss, expected.loss, 1e-8, 1e-12) &&
                allClose(grad, expected.grad, 1e-8, 1e-10)
              )
                return;
              const [gotGrad, expectedGrad] = formatVectorsApart(grad, expected.grad);
              const [gotLoss, expectedLoss] = formatApart(loss, expected.loss);
              const lossRight = close(loss, expected.loss, 1e-8, 1e-12);
              t.fail({
                tried,
                expected: `loss ${expectedLoss}, grad ${expectedGrad}`,
                got: `loss ${gotLoss}, grad ${gotGrad}`,
                mistake: lossRight ? diagnoseGrad(c, grad) : diagnoseLoss(c, loss),
              });
            },
          };
        },
        'X and y arrays',
      );
    },
  },
  { name: 'many examples: X 20000×2', run: expectManyExamples },
  {
    name: 'finite for large w on separable data',
    async run(t) {
      // z runs from about −1000 to 1500: σ(z) is exactly 0 or 1 for most examples and e^|z|
      // overflows. Every example is on its right side, so the exact loss is tiny and any tiny
      // clipping bound agrees with it.
      const { X, y, wTrue } = makeData({ n: 200, d: 5, separable: true, seed: 26 });
      const w = wTrue.map((x) => 200 * x);
      const c: Case = {
        X,
        y,
        w,
        label: `lossAndGrad(X, y, w) on a separable dataset (X 200×5), w = 200·w_true = ${formatVector(w)}`,
      };
      const { returned, loss, grad } = await callCase(t, c);
      const expected = reference(X, y, w);
      if (grad.some((g) => !Number.isFinite(g))) {
        t.fail({
          tried: returned.tried,
          expected: `grad ${formatVector(expected.grad)}, finite`,
          got: `grad ${formatVector(grad)}`,
          // Which step gave the NaN cannot be seen from here: name the two usual ones, claim neither.
          note: nonFiniteGradientNote,
        });
      }
      if (!close(loss, expected.loss, 1e-6, 1e-5)) {
        t.fail({
          tried: returned.tried,
          expected: `loss ${formatNumber(expected.loss)}${Number.isFinite(loss) ? '' : ', a finite number'}`,
          got: `loss ${formatNumber(loss)}`,
          // An unclipped inline loss gives 0·log 0 = NaN here; an Infinity is something else
          // (an exp that overflowed, say), so it is named only when it is that loss exactly.
          mistake: Number.isFinite(loss)
            ? diagnoseLoss(c, loss)
            : close(loss, crossEntropy(y, matVec(X, w).map(sigmoid), 0), 0)
              ? 'unclipped-log'
              : undefined,
        });
      }
      if (firstMismatch(grad, expected.grad, 1e-6, 1e-6) !== -1) {
        t.fail({
          tried: returned.tried,
          expected: `grad ${formatVector(expected.grad)}`,
          got: `grad ${formatVector(grad)}`,
          mistake: diagnoseGrad(c, grad),
        });
      }
    },
  },
  leavesArguments([[smallX, smallY, smallW]]),
]);
