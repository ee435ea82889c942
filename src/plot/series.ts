// The numbers behind each plot: the student's export called in the sandbox, the tutor's
// reference math beside it. A call that throws or returns the wrong shape fails its plot
// (through the check kit's CheckFailure); NaN and Infinity are kept, to be drawn.
import {
  asNumber,
  asRecord,
  asVector,
  type CheckContext,
  evaluateFunction,
  type Returned,
  sandboxFunction,
} from '../engine/check-kit.js';
import { createRandom, type Dataset, makeData } from '../engine/datasets.js';
import * as reference from '../engine/logistic.js';
import type { FunctionArgument } from '../engine/sandbox.js';
import {
  curvatureDirections,
  gdPlotData,
  gdSteps,
  modelRange,
  newtonIterations,
  plotData,
  plotLearningRate,
} from './definitions.js';
import type { XAxis } from './types.js';

/** What one plot's computation produced: values per series id, and the x range if it moved. */
export interface Computed {
  readonly values: Readonly<Record<string, readonly number[]>>;
  readonly x?: Partial<XAxis>;
}

/** The computations of one task's plots by plot id, for one run (they may share calls). */
export type PlotPlan = Readonly<Record<string, () => Promise<Computed>>>;

/** Builds a task's plan around a context whose `call` reaches the student's export. */
export type PlanFactory = (t: CheckContext) => PlotPlan;

type Vector = number[];
type LossFunction = FunctionArgument['__logregFunction'];

// --- the fixed inputs every plot sees ---------------------------------------------------

const dimension = plotData.d;

// Built on first use and kept: the same numbers on every run, so a plot only changes when
// the student's code does. The datasets are small because call round-trips dominate (see
// plotData and gdPlotData).
let cachedInputs:
  | {
      readonly data: Dataset;
      /** The two datasets of the gd-step plots: the same points, labelled two ways. */
      readonly gdData: Dataset;
      readonly gdSeparable: Dataset;
      /** A start away from the minimum, like the notebook's `w0 = rng.standard_normal(d)`. */
      readonly w0: Vector;
      /** The minimum of the loss on `data`. */
      readonly wStar: Vector;
      readonly directions: Vector[];
      /** The direction of the quadratic-model plot: where the loss curves most at w*. */
      readonly modelDirection: Vector;
      /** Where the slice of loss-and-grad ends: twice the step to its minimum. */
      readonly sliceEnd: number;
    }
  | undefined;

function inputs(): NonNullable<typeof cachedInputs> {
  if (cachedInputs) return cachedInputs;
  const data = makeData(plotData);
  const random = createRandom(11);
  // Norm 2 keeps every |z| well below 27.6, where the lab's clipped loss parts from the exact one.
  const w0 = unit(random.normals(dimension)).map((x) => 2 * x);
  const directions = Array.from({ length: curvatureDirections }, () =>
    unit(random.normals(dimension)),
  );
  let wStar = new Array<number>(dimension).fill(0);
  for (let k = 0; k < 20; k++) wStar = reference.newtonStep(data.X, data.y, wStar);
  cachedInputs = {
    data,
    gdData: makeData(gdPlotData),
    gdSeparable: makeData({ ...gdPlotData, separable: true }),
    w0,
    wStar,
    directions,
    modelDirection: topEigenvector(reference.hessian(data.X, wStar), directions[0] ?? []),
    sliceEnd: sliceEnd(data, w0),
  };
  return cachedInputs;
}

/**
 * The unit eigenvector of the largest eigenvalue of the symmetric positive-definite `H`
 * (power iteration from `start`). The model plot looks along it: there the parabola is
 * steepest and overtakes the loss, which grows only linearly far out, well within
 * `modelRange`. Along a flat direction it may not: points saturated at w* cross their
 * boundary further out, the loss curves more there than at w*, and the parabola stays below.
 */
function topEigenvector(H: readonly (readonly number[])[], start: Vector): Vector {
  let v = unit(start);
  for (let k = 0; k < 200; k++) v = unit(H.map((row) => reference.dot(row, v)));
  return v;
}

/** Twice the step to the minimum of the loss along −∇L from w (ternary search: it is convex). */
function sliceEnd({ X, y }: Dataset, w: Vector): number {
  const { grad } = reference.lossAndGrad(X, y, w);
  const along = (t: number) => reference.lossAndGrad(X, y, axpy(-t, grad, w)).loss;
  let low = 0;
  let high = 1;
  while (along(high) < along(high / 2)) high *= 2;
  for (let k = 0; k < 60; k++) {
    const a = low + (high - low) / 3;
    const b = high - (high - low) / 3;
    if (along(a) < along(b)) high = b;
    else low = a;
  }
  return Number((low + high).toPrecision(2));
}

// --- small helpers ------------------------------------------------------------------------

/** `count` evenly spaced numbers from `from` to `to`, both included. */
export function linspace(from: number, to: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) =>
    count === 1 ? from : from + ((to - from) * i) / (count - 1),
  );
}

function unit(v: Vector): Vector {
  const length = Math.hypot(...v);
  return v.map((x) => x / length);
}

function norm(v: readonly number[]): number {
  return Math.hypot(...v);
}

function axpy(a: number, x: readonly number[], y: readonly number[]): Vector {
  return y.map((yi, i) => yi + a * (x[i] ?? 0));
}

/** Ascending, with NaN last (a plain `a - b` comparator is inconsistent with NaN). */
function sorted(values: readonly number[]): number[] {
  const rank = (x: number) => (Number.isNaN(x) ? 1 : 0);
  return [...values].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Calls the export; plots pass fresh copies each time, so modifying them in place is allowed. */
function call(t: CheckContext, args: readonly unknown[]): Promise<Returned> {
  return t.call(args, { allowMutation: true });
}

async function callVector(t: CheckContext, args: readonly unknown[], length: number) {
  return asVector(t, await call(t, args), length);
}

async function callNumber(t: CheckContext, args: readonly unknown[]) {
  return asNumber(t, await call(t, args));
}

/** Memoizes a computation for the run, so plots sharing a trajectory call the student once. */
function once<T>(compute: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => {
    promise ??= compute();
    return promise;
  };
}

// --- the tasks ------------------------------------------------------------------------------

const sigmoidPlan: PlanFactory = (t) => ({
  async sigmoid() {
    const z = linspace(-10, 10, 201);
    const sigma = await callVector(t, [z], z.length);
    const sigmaRef = z.map(reference.sigmoid);
    const slope = (s: number) => s * (1 - s);
    return {
      values: { sigma, slope: sigma.map(slope), sigmaRef, slopeRef: sigmaRef.map(slope) },
    };
  },
});

const bceLossPlan: PlanFactory = (t) => ({
  async 'one-example'() {
    const p = linspace(0, 1, 101);
    const positive: number[] = [];
    const negative: number[] = [];
    for (const pi of p) {
      positive.push(await callNumber(t, [[1], [pi]]));
      negative.push(await callNumber(t, [[0], [pi]]));
    }
    return {
      values: {
        positive,
        negative,
        positiveRef: p.map((pi) => reference.bceLoss([1], [pi])),
        negativeRef: p.map((pi) => reference.bceLoss([0], [pi])),
      },
    };
  },
});

/** The student's `{ loss, grad }`, or a failed plot saying what came back instead. */
async function callLossAndGrad(
  t: CheckContext,
  X: number[][],
  y: number[],
  w: Vector,
): Promise<{ loss: number; grad: Vector }> {
  const returned = await call(t, [X, y, w]);
  const record = asRecord(t, returned, ['loss', 'grad']);
  const loss = asNumber(t, { ...returned, value: record.loss }, '`loss`: a number');
  const grad = asVector(t, { ...returned, value: record.grad }, w.length, '`grad`');
  return { loss, grad };
}

const lossAndGradPlan: PlanFactory = (t) => ({
  async slice() {
    const { data, w0, sliceEnd: to } = inputs();
    const { X, y } = data;
    const steps = linspace(0, to, 41);
    const { grad } = await callLossAndGrad(t, X, y, w0);
    const slice: number[] = [];
    for (const step of steps)
      slice.push((await callLossAndGrad(t, X, y, axpy(-step, grad, w0))).loss);
    const gradRef = reference.lossAndGrad(X, y, w0).grad;
    const sliceRef = steps.map(
      (step) => reference.lossAndGrad(X, y, axpy(-step, gradRef, w0)).loss,
    );
    return { values: { slice, sliceRef }, x: { to } };
  },
});

/** Central differences of `f` in the tutor, evaluated exactly as the sandbox evaluates it. */
function centralDifferences(f: LossFunction, w: Vector, eps: number): Vector {
  return w.map((_, i) => {
    const plus = [...w];
    const minus = [...w];
    plus[i] = (plus[i] ?? 0) + eps;
    minus[i] = (minus[i] ?? 0) - eps;
    return (evaluateFunction(f, plus) - evaluateFunction(f, minus)) / (2 * eps);
  });
}

function maxAbsError(got: readonly number[], exact: readonly number[]): number {
  let worst = 0;
  for (let i = 0; i < exact.length; i++) {
    const error = Math.abs((got[i] ?? Number.NaN) - (exact[i] ?? 0));
    // NaN must survive (Math.max would keep it, but make it explicit): it is drawn as a gap.
    if (Number.isNaN(error)) return Number.NaN;
    worst = Math.max(worst, error);
  }
  return worst;
}

const numericalGradPlan: PlanFactory = (t) => ({
  async 'error-v'() {
    const { data, w0 } = inputs();
    const spec: LossFunction = { kind: 'logistic-loss', X: data.X, y: data.y };
    const exact = reference.lossAndGrad(data.X, data.y, w0).grad;
    const epsilons = linspace(-1, -13, 49).map((power) => 10 ** power);
    const error: number[] = [];
    for (const eps of epsilons) {
      const numerical = await callVector(t, [sandboxFunction(spec), w0, eps], w0.length);
      error.push(maxAbsError(numerical, exact));
    }
    const errorRef = epsilons.map((eps) => maxAbsError(centralDifferences(spec, w0, eps), exact));
    return { values: { error, errorRef } };
  },
});

/**
 * The hvp and psd plots, given how to get vᵀHv at w from the student's export: the
 * curvature at w0 along many directions, and the loss around its minimum w* along one.
 */
function curvaturePlan(curvature: (w: Vector, v: Vector) => Promise<number>): PlotPlan {
  const { data, w0, wStar, directions, modelDirection: v } = inputs();
  const { X, y } = data;
  const curvatureRef = (v: Vector) => reference.dot(v, reference.hvp(X, w0, v));
  return {
    async curvature() {
      const values: number[] = [];
      for (const v of directions) values.push(await curvature(w0, v));
      return {
        values: { curvature: sorted(values), curvatureRef: sorted(directions.map(curvatureRef)) },
      };
    },
    async model() {
      const { loss, grad } = reference.lossAndGrad(X, y, wStar);
      // ∇L·v is 0 at the minimum up to rounding; kept so the model is the full Taylor model.
      const slope = reference.dot(grad, v);
      const bend = await curvature(wStar, v);
      const steps = linspace(modelRange.from, modelRange.to, 81);
      return {
        values: {
          model: steps.map((s) => loss + s * slope + 0.5 * s * s * bend),
          loss: steps.map((s) => reference.lossAndGrad(X, y, axpy(s, v, wStar)).loss),
        },
      };
    },
  };
}

const hvpPlan: PlanFactory = (t) =>
  curvaturePlan(async (w, v) => {
    const { data } = inputs();
    return reference.dot(v, await callVector(t, [data.X, data.y, w, v], v.length));
  });

const psdPlan: PlanFactory = (t) =>
  curvaturePlan((w, v) => {
    const { data } = inputs();
    return callNumber(t, [data.X, data.y, w, v]);
  });

/** Iterates `step` from w = 0 and returns every iterate, the start included. */
async function iterate(
  count: number,
  step: (w: Vector) => Vector | Promise<Vector>,
): Promise<Vector[]> {
  const iterates: Vector[] = [new Array<number>(dimension).fill(0)];
  for (let k = 0; k < count; k++) iterates.push(await step(iterates[k] ?? []));
  return iterates;
}

function lossesOf(data: Dataset, iterates: readonly Vector[]): number[] {
  return iterates.map((w) => reference.lossAndGrad(data.X, data.y, w).loss);
}

const gdStepPlan: PlanFactory = (t) => {
  const { gdData: data, gdSeparable: separable } = inputs();
  const yours = (set: Dataset) =>
    once(() =>
      iterate(gdSteps, (w) => callVector(t, [set.X, set.y, w, plotLearningRate], w.length)),
    );
  const onData = yours(data);
  const onSeparable = yours(separable);
  const referenceRun = (set: Dataset) =>
    iterate(gdSteps, (w) => reference.gdStep(set.X, set.y, w, plotLearningRate));
  return {
    async loss() {
      return {
        values: {
          loss: lossesOf(data, await onData()),
          lossRef: lossesOf(data, await referenceRun(data)),
        },
      };
    },
    async norm() {
      return {
        values: {
          separable: (await onSeparable()).map(norm),
          nonSeparable: (await onData()).map(norm),
          separableRef: (await referenceRun(separable)).map(norm),
        },
      };
    },
  };
};

const newtonStepPlan: PlanFactory = (t) => ({
  async convergence() {
    const { data } = inputs();
    const { X, y } = data;
    const newtonRef = await iterate(newtonIterations, (w) => reference.newtonStep(X, y, w));
    const gdRef = await iterate(newtonIterations, (w) =>
      reference.gdStep(X, y, w, plotLearningRate),
    );
    const newton = await iterate(newtonIterations, (w) => callVector(t, [X, y, w], w.length));
    // L*: the lowest loss any of the runs reached (Newton's, to the last digit, in practice).
    const all = [newtonRef, gdRef, newton].map((run) => lossesOf(data, run));
    const best = Math.min(...all.flat().filter(Number.isFinite));
    const gap = (losses: number[]) => losses.map((loss) => loss - best);
    const [newtonRefGap, gdGap, newtonGap] = all.map(gap);
    return { values: { newton: newtonGap ?? [], newtonRef: newtonRefGap ?? [], gd: gdGap ?? [] } };
  },
});

/** The plan of every task with plots, by task id (the same keys as plotDefinitions). */
export const plotPlans: Readonly<Record<string, PlanFactory>> = {
  sigmoid: sigmoidPlan,
  'bce-loss': bceLossPlan,
  'loss-and-grad': lossAndGradPlan,
  'numerical-grad': numericalGradPlan,
  hvp: hvpPlan,
  psd: psdPlan,
  'gd-step': gdStepPlan,
  'newton-step': newtonStepPlan,
};
