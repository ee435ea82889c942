// The plots of each task, as data: what is drawn, on which axes, and what to look for.
// The numbers come from src/plot/series.ts; the drawing from src/plot/render.ts.
import type { PlotDefinition } from './types.js';

/**
 * The dataset of the loss-and-grad, numerical-grad, hvp, psd and newton-step plots (`makeData`
 * options). Small on purpose: every call copies X into the sandbox and back (~0.3 ms for
 * 100×5). Not separable: the loss has its minimum at ‖w*‖ ≈ 2.4, where L* ≈ 0.41.
 */
export const plotData = { n: 100, d: 5, seed: 0 } as const;
/**
 * The points of the gd-step plots (400 calls, hence only 50 rows), labelled twice: with
 * noise (non-separable) and by the sign of X·w_true (separable). The seed matters: the noisy
 * labels must be far from separable for gradient descent to settle within the plot. Here
 * 10 of the 50 fall on the wrong side of w_true, the loss has its minimum at ‖w*‖ ≈ 1.9
 * (L* ≈ 0.47), and gradient descent is within 0.01 of it after ~75 steps. Seed 0 would
 * not do: only 4 wrong labels, a minimum at ‖w*‖ ≈ 16, and ‖w‖ still growing at step 200,
 * just like on separable data.
 */
export const gdPlotData = { n: 50, d: 5, seed: 4 } as const;
/** Gradient-descent step size of the gd-step and newton-step plots (stable: L is ~0.5-smooth). */
export const plotLearningRate = 1;
/** Steps of the gd-step plots. */
export const gdSteps = 200;
/** Iterations of the newton-step plot. */
export const newtonIterations = 20;
/** Random unit directions of the curvature plots. */
export const curvatureDirections = 60;
/** The steps t of the quadratic-model plot, around the minimum. */
export const modelRange = { from: -5, to: 5 } as const;
/**
 * The newton-step plot's floor: L − L* below it is rounding (the loss sums 100 rounded
 * terms, so two runs at the same minimum differ by ~1e−15).
 */
export const convergenceFloor = 1e-14;

const sigmoid: readonly PlotDefinition[] = [
  {
    id: 'sigmoid',
    title: 'σ(z) and its slope σ′(z) = σ(z)(1 − σ(z))',
    caption:
      'σ′ peaks at 0.25 at z = 0 and is almost 0 beyond |z| ≈ 5: there the gradient dies, and a saturated unit barely learns.',
    x: { label: 'z', from: -10, to: 10, scale: 'linear' },
    y: { label: 'σ and σ′', scale: 'linear', include: [0, 1] },
    series: [
      { id: 'sigma', name: 'σ(z), yours', source: 'student' },
      { id: 'slope', name: 'σ′(z) = σ(1 − σ) from yours', source: 'student' },
      { id: 'sigmaRef', name: 'σ(z), reference', source: 'reference' },
      { id: 'slopeRef', name: 'σ′(z), reference', source: 'reference' },
    ],
  },
];

const bceLoss: readonly PlotDefinition[] = [
  {
    id: 'one-example',
    title: 'Loss of one example as its prediction p goes from 0 to 1',
    caption:
      'For y = 1 the loss −log p is 0 at p = 1 and grows without bound as p → 0: a confident mistake costs far more than an unsure one. y = 0 is the mirror image.',
    x: { label: 'p', from: 0, to: 1, scale: 'linear' },
    y: { label: 'bceLoss([y], [p])', scale: 'linear', include: [0], clip: { max: 8 } },
    series: [
      { id: 'positive', name: 'y = 1, yours', source: 'student' },
      { id: 'negative', name: 'y = 0, yours', source: 'student' },
      { id: 'positiveRef', name: 'y = 1, reference', source: 'reference' },
      { id: 'negativeRef', name: 'y = 0, reference', source: 'reference' },
    ],
  },
];

const lossAndGrad: readonly PlotDefinition[] = [
  {
    id: 'slice',
    title: 'The loss along your negative gradient: L(w − t·∇L)',
    caption:
      'A convex slice: the loss falls, reaches one minimum and rises again. If it rises from t = 0, your −∇L points uphill: check the sign of p − y.',
    // `to` depends on the data: set from the curvature along the gradient when computed.
    x: { label: 't', from: 0, to: 1, scale: 'linear' },
    y: { label: 'loss', scale: 'linear' },
    series: [
      { id: 'slice', name: 'your loss along your −∇L', source: 'student' },
      { id: 'sliceRef', name: 'reference', source: 'reference' },
    ],
  },
];

const numericalGrad: readonly PlotDefinition[] = [
  {
    id: 'error-v',
    title: 'Gradient-check error against eps: the V',
    caption:
      'Left of the bottom, truncation error shrinks like eps²; right of it, round-off grows like 1e−16/eps. Too small an eps is as bad as too large; near 1e−5 is best.',
    x: { label: 'eps', from: 1e-1, to: 1e-13, scale: 'log10' },
    y: { label: 'max |numerical − analytic|', scale: 'log10' },
    series: [
      { id: 'error', name: 'your numericalGrad on the log-loss', source: 'student' },
      { id: 'errorRef', name: 'central differences, reference', source: 'reference' },
    ],
  },
];

/** The two curvature plots of hvp and psd, which differ only in where vᵀHv comes from. */
function curvaturePlots(yours: string): readonly PlotDefinition[] {
  return [
    {
      id: 'curvature',
      title: `Curvature vᵀHv along ${curvatureDirections} random unit directions v, sorted`,
      caption:
        'Never below 0: H is positive semidefinite, the loss curves upward in every direction, so it is convex. The values lie between the smallest and largest eigenvalue of H.',
      x: { label: 'direction', from: 1, to: curvatureDirections, scale: 'linear' },
      y: { label: 'vᵀHv', scale: 'linear', include: [0] },
      series: [
        { id: 'curvature', name: `vᵀHv, ${yours}`, source: 'student' },
        { id: 'curvatureRef', name: 'reference', source: 'reference' },
      ],
    },
    {
      id: 'model',
      title: 'The loss around its minimum w* along a direction v, beside its quadratic model',
      caption:
        'v is the direction of greatest curvature at w* (the top eigenvector of H). Near t = 0 the model L(w*) + ½t²·vᵀHv hugs the loss; a wrong vᵀHv makes it too steep or too flat. Further out the loss grows only linearly and the parabola overshoots: the model is local.',
      x: { label: 't', from: modelRange.from, to: modelRange.to, scale: 'linear' },
      y: { label: 'loss', scale: 'linear' },
      series: [
        { id: 'model', name: `quadratic model with ${yours}`, source: 'student' },
        { id: 'loss', name: 'L(w* + t·v), reference', source: 'reference' },
      ],
    },
  ];
}

const gdStep: readonly PlotDefinition[] = [
  {
    id: 'loss',
    title: `Loss over ${gdSteps} gradient-descent steps (non-separable data, lr = ${plotLearningRate})`,
    caption:
      'The loss of your iterates falls fast, then levels off at the minimum. A rising line would mean the step goes uphill: w − lr·∇L, not w + lr·∇L.',
    unlessFalling: {
      rising:
        'Your loss rises: your steps go uphill. A gradient-descent step goes against the gradient, w − lr·∇L, not w + lr·∇L; the reference falls fast, then levels off at the minimum.',
      otherwise:
        'Your loss does not fall: it ends no lower than it starts. The reference falls fast, then levels off at the minimum; a step is w − lr·∇L.',
    },
    x: { label: 'step', from: 0, to: gdSteps, scale: 'linear' },
    y: { label: 'loss', scale: 'linear' },
    series: [
      { id: 'loss', name: 'loss, yours', source: 'student' },
      { id: 'lossRef', name: 'reference', source: 'reference' },
    ],
  },
  {
    id: 'norm',
    title: `‖w‖ over ${gdSteps} steps: separable against non-separable data`,
    caption:
      'On non-separable data ‖w‖ settles. On separable data it never stops growing (about log t): a larger w always pushes σ(z) closer to 0 and 1 and lowers the loss, so no finite w is the minimum.',
    x: { label: 'step', from: 0, to: gdSteps, scale: 'linear' },
    y: { label: '‖w‖', scale: 'linear', include: [0] },
    series: [
      { id: 'separable', name: 'separable, yours', source: 'student' },
      { id: 'nonSeparable', name: 'non-separable, yours', source: 'student' },
      { id: 'separableRef', name: 'separable, reference', source: 'reference' },
    ],
  },
];

const newtonStep: readonly PlotDefinition[] = [
  {
    id: 'convergence',
    title: 'Distance to the minimum, L − L*: Newton against gradient descent',
    caption:
      'Close to the minimum Newton squares its error each step (the correct digits double) and hits the limit of double precision within a few steps; gradient descent shrinks it by a constant factor: a straight line here.',
    x: { label: 'iteration', from: 0, to: newtonIterations, scale: 'linear' },
    y: { label: 'L − L*', scale: 'log10', clip: { min: convergenceFloor } },
    series: [
      { id: 'newton', name: 'Newton, yours', source: 'student' },
      { id: 'newtonRef', name: 'Newton, reference', source: 'reference' },
      {
        id: 'gd',
        name: `gradient descent (lr = ${plotLearningRate}), reference`,
        source: 'reference',
      },
    ],
  },
];

/** The plots of every task that has them, by task id. */
export const plotDefinitions: Readonly<Record<string, readonly PlotDefinition[]>> = {
  sigmoid,
  'bce-loss': bceLoss,
  'loss-and-grad': lossAndGrad,
  'numerical-grad': numericalGrad,
  hvp: curvaturePlots('your hvp'),
  psd: curvaturePlots('your vHv'),
  'gd-step': gdStep,
  'newton-step': newtonStep,
};

/** The ids of the tasks with plots, in course order. */
export const plottedTaskIds: readonly string[] = Object.keys(plotDefinitions);
