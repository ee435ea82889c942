// The series of every plot, computed from a known student implementation in the sandbox;
// wrong implementations give different pictures; failures of the student's code are data.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DataOptions, makeData } from '../../../src/engine/datasets.js';
import * as reference from '../../../src/engine/logistic.js';
import { computePlots, hasPlots } from '../../../src/plot/compute.js';
import {
  convergenceFloor,
  gdPlotData,
  gdSteps,
  newtonIterations,
  plotData,
  plotDefinitions,
} from '../../../src/plot/definitions.js';
import { renderPlots } from '../../../src/plot/render.js';
import type { Plot, PlotResult } from '../../../src/plot/types.js';
import { task, tasks, workspace, wrongWorkspace } from './students.js';

const limits = { timeoutMs: 10_000 };

/** The values of series `id` of plot `plotId`, failing the test when it was not drawn. */
function series(result: PlotResult, plotId: string, id: string): readonly number[] {
  const plot = result.plots.find((candidate) => candidate.definition.id === plotId);
  if (plot?.kind !== 'drawn') throw new Error(`plot ${plotId}: ${JSON.stringify(plot)}`);
  const found = plot.series.find((entry) => entry.id === id);
  if (!found) throw new Error(`no series ${id} in ${plotId}`);
  return found.values;
}

function expectClose(got: readonly number[], expected: readonly number[], tolerance: number) {
  expect(got).toHaveLength(expected.length);
  got.forEach((value, i) => {
    expect(Math.abs(value - (expected[i] as number))).toBeLessThanOrEqual(
      tolerance * Math.max(1, Math.abs(expected[i] as number)),
    );
  });
}

function argmin(values: readonly number[]): number {
  return values.reduce((best, v, i) => (v < (values[best] as number) ? i : best), 0);
}

/** The minimum of the loss on a dataset, by Newton's method from 0 (it converges on these). */
function minimum(options: DataOptions) {
  const { X, y } = makeData(options);
  let w = new Array<number>(options.d ?? 5).fill(0);
  for (let k = 0; k < 30; k++) w = reference.newtonStep(X, y, w);
  return { w, ...reference.lossAndGrad(X, y, w) };
}

const correctResults: Record<string, PlotResult> = {};

beforeAll(async () => {
  const dir = workspace();
  for (const id of Object.keys(tasks)) {
    correctResults[id] = await computePlots(task(id), { workspaceDir: dir, limits });
  }
}, 60_000);

function correct(id: string): PlotResult {
  const result = correctResults[id];
  if (!result) throw new Error(`not computed: ${id}`);
  return result;
}

describe('the datasets of the plots', () => {
  it('are non-separable where the plots need a minimum: the loss has one, well above 0', () => {
    // On separable data the loss has no minimum: it tends to 0 as ‖w‖ grows without bound.
    for (const options of [plotData, gdPlotData]) {
      const { w, loss, grad } = minimum(options);
      expect(Math.hypot(...grad), `seed ${options.seed}`).toBeLessThan(1e-12);
      // Near the origin, not merely finite: nearly separable data has its minimum far out
      // (‖w*‖ ≈ 16 for 50 points of seed 0), beyond what 200 steps of gradient descent reach.
      expect(Math.hypot(...w), `seed ${options.seed}`).toBeLessThan(3);
      expect(loss, `seed ${options.seed}`).toBeGreaterThan(0.3);
    }
  });

  it('labels the same points by the sign of X·w_true for the separable ‖w‖ run', () => {
    const noisy = makeData(gdPlotData);
    const separable = makeData({ ...gdPlotData, separable: true });
    expect(separable.X).toEqual(noisy.X);
    separable.X.forEach((row, i) => {
      const side = reference.dot(row, separable.wTrue) * (2 * (separable.y[i] as number) - 1);
      expect(side).toBeGreaterThan(0);
    });
  });
});

describe('computePlots on a correct workspace', () => {
  it('draws every plot of every task, each series with numbers only', () => {
    for (const id of Object.keys(tasks)) {
      const result = correct(id);
      expect(result.status, id).toBe('drawn');
      expect(result.plots.map((plot) => plot.definition.id)).toEqual(
        plotDefinitions[id]?.map((definition) => definition.id),
      );
      for (const plot of result.plots) {
        if (plot.kind !== 'drawn') continue;
        for (const entry of plot.series) {
          expect(entry.values.length, `${id}/${entry.id}`).toBeGreaterThan(1);
          expect(entry.values.every(Number.isFinite), `${id}/${entry.id}`).toBe(true);
        }
      }
    }
  });

  it('sigmoid: σ over z ∈ [−10, 10] and σ′ = σ(1 − σ), peaking at 0.25 at z = 0', () => {
    const result = correct('sigmoid');
    const sigma = series(result, 'sigmoid', 'sigma');
    const z = Array.from({ length: 201 }, (_, i) => -10 + i / 10);
    expectClose(sigma, z.map(reference.sigmoid), 1e-15);
    expectClose(series(result, 'sigmoid', 'sigmaRef'), z.map(reference.sigmoid), 0);
    const slope = series(result, 'sigmoid', 'slope');
    expect(argmin(slope.map((s) => -s))).toBe(100);
    expect(slope[100]).toBe(0.25);
    expect(slope[0]).toBeLessThan(1e-4);
  });

  it('bce-loss: −log p for y = 1 and −log(1 − p) for y = 0, with p clipped', () => {
    const result = correct('bce-loss');
    const p = Array.from({ length: 101 }, (_, i) => i / 100);
    const clip = (q: number) => Math.min(Math.max(q, 1e-12), 1 - 1e-12);
    expectClose(
      series(result, 'one-example', 'positive'),
      p.map((q) => -Math.log(clip(q))),
      1e-12,
    );
    expectClose(
      series(result, 'one-example', 'negative'),
      p.map((q) => -Math.log(1 - clip(q))),
      1e-12,
    );
  });

  it('loss-and-grad: the loss along −∇L falls to one minimum inside the range and rises', () => {
    const result = correct('loss-and-grad');
    const slice = series(result, 'slice', 'slice');
    expectClose(slice, series(result, 'slice', 'sliceRef'), 1e-12);
    const lowest = argmin(slice);
    expect(lowest).toBeGreaterThan(slice.length / 4);
    expect(lowest).toBeLessThan((3 * slice.length) / 4);
    // Convex: the differences never decrease.
    for (let i = 2; i < slice.length; i++) {
      const bend = (slice[i] as number) - 2 * (slice[i - 1] as number) + (slice[i - 2] as number);
      expect(bend).toBeGreaterThan(-1e-12);
    }
    const plot = result.plots[0];
    expect(plot?.kind === 'drawn' && plot.x.to).toBeGreaterThan(0);
  });

  it('numerical-grad: the error is a V over eps, the reference central differences exactly', () => {
    const result = correct('numerical-grad');
    const error = series(result, 'error-v', 'error');
    expect(error).toHaveLength(49);
    expectClose(error, series(result, 'error-v', 'errorRef'), 1e-9);
    const bottom = argmin(error);
    // eps = 10^(−1 − bottom/4): the bottom of the V lies between 1e−4 and 1e−7.
    expect(bottom).toBeGreaterThanOrEqual(12);
    expect(bottom).toBeLessThanOrEqual(24);
    expect(error[bottom]).toBeLessThan(1e-9);
    expect(error[0]).toBeGreaterThan(1e-6);
    expect(error[48]).toBeGreaterThan(1e-6);
  });

  it('hvp and psd: vᵀHv over 60 directions, sorted and positive; a model that is local', () => {
    for (const id of ['hvp', 'psd']) {
      const result = correct(id);
      const curvature = series(result, 'curvature', 'curvature');
      expect(curvature).toHaveLength(60);
      expectClose(curvature, series(result, 'curvature', 'curvatureRef'), 1e-12);
      expect(curvature.every((q, i) => q > 0 && (i === 0 || q >= (curvature[i - 1] as number))));
      const model = series(result, 'model', 'model');
      const loss = series(result, 'model', 'loss');
      const middle = (model.length - 1) / 2;
      expect(Math.abs((model[middle] as number) - (loss[middle] as number))).toBeLessThan(1e-12);
      // Second order: near t = 0 the gap shrinks like t³.
      expect(Math.abs((model[middle + 2] as number) - (loss[middle + 2] as number))).toBeLessThan(
        1e-3,
      );
      // Far out, on both sides, the parabola overshoots the (asymptotically linear) loss.
      const last = model.length - 1;
      expect(model[0] as number).toBeGreaterThan(loss[0] as number);
      expect(model[last] as number).toBeGreaterThan(loss[last] as number);
    }
  });

  it('gd-step: the loss falls to its minimum; ‖w‖ settles without separation, grows with it', () => {
    const result = correct('gd-step');
    const loss = series(result, 'loss', 'loss');
    expect(loss).toHaveLength(gdSteps + 1);
    expectClose(loss, series(result, 'loss', 'lossRef'), 1e-12);
    expect(loss.every((value, i) => i === 0 || value <= (loss[i - 1] as number) + 1e-15)).toBe(
      true,
    );
    const separable = series(result, 'norm', 'separable');
    const nonSeparable = series(result, 'norm', 'nonSeparable');
    expectClose(separable, series(result, 'norm', 'separableRef'), 1e-12);
    expect(separable.every((value, i) => i === 0 || value > (separable[i - 1] as number))).toBe(
      true,
    );
    // Still growing in the last 50 steps on separable data; settled on non-separable data,
    // at the minimum of its loss.
    expect((separable[200] as number) - (separable[150] as number)).toBeGreaterThan(0.3);
    expect(Math.abs((nonSeparable[200] as number) - (nonSeparable[150] as number))).toBeLessThan(
      0.01,
    );
    const wStar = Math.hypot(...minimum(gdPlotData).w);
    expect(Math.abs((nonSeparable[200] as number) - wStar)).toBeLessThan(0.01);
  });

  it('newton-step: Newton reaches the floor within 8 iterations, gradient descent does not', () => {
    const result = correct('newton-step');
    const newton = series(result, 'convergence', 'newton');
    const gd = series(result, 'convergence', 'gd');
    expect(newton).toHaveLength(newtonIterations + 1);
    expect(newton.findIndex((gap) => gap < convergenceFloor)).toBeLessThanOrEqual(8);
    expect(gd.every((gap) => gap > 1e-8)).toBe(true);
    expect(gd.every((gap, i) => i === 0 || gap < (gd[i - 1] as number))).toBe(true);
  });
});

describe('computePlots on wrong implementations', () => {
  const student = (result: PlotResult): number[][] =>
    result.plots.flatMap((plot) =>
      plot.kind === 'drawn'
        ? plot.series
            .filter((entry) => entry.source === 'student')
            .map((entry) => [...entry.values])
        : [],
    );

  it('draws a different picture for each wrong implementation', async () => {
    for (const id of Object.keys(tasks)) {
      const wrong = await computePlots(task(id), { workspaceDir: wrongWorkspace(id), limits });
      expect(wrong.status, id).toBe('drawn');
      expect(student(wrong), id).not.toEqual(student(correct(id)));
      const width = { width: 80, color: false };
      expect(renderPlots(wrong, width), id).not.toBe(renderPlots(correct(id), width));
    }
  }, 60_000);

  it('shows the mistake itself: σ falls, gradient ascent climbs, curvature goes negative', async () => {
    const sigmoid = await computePlots(task('sigmoid'), {
      workspaceDir: wrongWorkspace('sigmoid'),
      limits,
    });
    const sigma = series(sigmoid, 'sigmoid', 'sigma');
    expect(sigma[0]).toBeGreaterThan(0.99);
    expect(sigma[200]).toBeLessThan(0.01);

    const gd = await computePlots(task('gd-step'), {
      workspaceDir: wrongWorkspace('gd-step'),
      limits,
    });
    const loss = series(gd, 'loss', 'loss');
    expect(loss[gdSteps] as number).toBeGreaterThan(10 * (loss[0] as number));

    const psd = await computePlots(task('psd'), { workspaceDir: wrongWorkspace('psd'), limits });
    expect(Math.min(...series(psd, 'curvature', 'curvature'))).toBeLessThan(0);

    const numerical = await computePlots(task('numerical-grad'), {
      workspaceDir: wrongWorkspace('numerical-grad'),
      limits,
    });
    // A forward difference: the bottom of its V is at a smaller eps, and higher.
    const error = series(numerical, 'error-v', 'error');
    const errorRef = series(numerical, 'error-v', 'errorRef');
    expect(argmin(error)).toBeGreaterThan(argmin(errorRef));
    expect(Math.min(...error)).toBeGreaterThan(10 * Math.min(...errorRef));
  }, 60_000);

  it('keeps NaN and Infinity from an unclipped loss, and the picture says where', async () => {
    const result = await computePlots(task('bce-loss'), {
      workspaceDir: wrongWorkspace('bce-loss'),
      limits,
    });
    const positive = series(result, 'one-example', 'positive');
    expect(positive[0]).toBe(Number.POSITIVE_INFINITY);
    expect(positive[100]).toBeNaN();
    const text = renderPlots(result, { width: 100, color: false });
    expect(text).toContain('Note: y = 1, yours: NaN at p\u00a0=\u00a01, drawn as a gap.');
    expect(text).toContain(
      'Note: y = 1, yours: Infinity at p\u00a0=\u00a00, drawn at the top edge.',
    );
  });
});

describe('computePlots when the student code fails', () => {
  const run = (id: string, source: string, timeoutMs = 10_000) =>
    computePlots(task(id), {
      workspaceDir: workspace({ [task(id).file]: source }),
      limits: { timeoutMs },
    });

  it('says the starter is not implemented yet', async () => {
    const result = await run(
      'sigmoid',
      "export function sigmoid(z: number[]): number[] {\n  throw new Error('TODO: implement sigmoid');\n}\n",
    );
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/^Not implemented yet: 01-sigmoid\.ts still throws/);
  });

  it('says the file does not compile', async () => {
    const result = await run('sigmoid', 'export function sigmoid(z: number[] {\n');
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/^01-sigmoid\.ts does not compile, so there is nothing to draw/);
    expect(result.plots.every((plot) => plot.kind === 'failed')).toBe(true);
  });

  it('stops an endless loop at the time limit', async () => {
    const result = await run(
      'sigmoid',
      'export function sigmoid(z: number[]): number[] {\n  for (;;) {}\n}\n',
      500,
    );
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/^The plots could not be computed\. Your code did not finish/);
    const text = renderPlots(result, { width: 80, color: false });
    expect(text).toContain('No plots of 01-sigmoid.ts yet:');
  });

  it('says what came back when it has the wrong shape', async () => {
    const result = await run(
      'sigmoid',
      'export function sigmoid(z: number[]) {\n  return 1 / (1 + Math.exp(-z[0]));\n}\n',
    );
    const plot = result.plots[0] as Plot;
    expect(plot.kind).toBe('failed');
    expect(plot.kind === 'failed' && plot.error).toBe(
      [
        'tried:    sigmoid(z (201 values))',
        'expected: a vector: a number[] or Float64Array of length 201',
        'got:      4.5398e-5',
      ].join('\n'),
    );
  });

  it('draws the plots it can when a later call throws', async () => {
    // Throws once ‖w‖ passes a bound only the separable run reaches: the non-separable run
    // settles below it, so the loss plot is drawn and the ‖w‖ plot is not.
    const norms = (id: string) => series(correct('gd-step'), 'norm', id);
    const bound = Math.max(...norms('nonSeparable')) + 1;
    expect(Math.max(...norms('separable'))).toBeGreaterThan(bound + 1);
    const result = await run(
      'gd-step',
      `import { lossAndGrad } from './03-loss-and-grad';
export function gdStep(X: number[][], y: number[], w: number[], lr: number): number[] {
  if (Math.hypot(...w) > ${bound}) throw new RangeError('w is too long');
  const { grad } = lossAndGrad(X, y, w);
  return w.map((wi, j) => wi - lr * grad[j]);
}
`,
    );
    expect(result.status).toBe('partial');
    expect(result.plots.map((plot) => plot.kind)).toEqual(['drawn', 'failed']);
    const failed = result.plots[1];
    expect(failed?.kind === 'failed' && failed.error).toContain(
      'got:      it threw RangeError: w is too long',
    );
  });

  it('draws NaN from a broken function as gaps', async () => {
    const result = await run(
      'sigmoid',
      'export function sigmoid(z: number[]): number[] {\n  return z.map((zi) => (zi > 5 ? NaN : 1 / (1 + Math.exp(-zi))));\n}\n',
    );
    expect(result.status).toBe('drawn');
    const text = renderPlots(result, { width: 100, color: false });
    expect(text).toContain(
      'Note: σ(z), yours: NaN at 50 of 201 points (first at z\u00a0=\u00a05.1)',
    );
  });

  it('rejects with an AbortError when cancelled', async () => {
    const controller = new AbortController();
    const pending = computePlots(task('gd-step'), {
      workspaceDir: workspace(),
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('throws for a task without plots (a tutor bug, not the student’s)', async () => {
    expect(hasPlots('dataset')).toBe(false);
    await expect(
      computePlots(
        { id: 'dataset', file: '00-dataset.ts', exportName: 'x', params: [] },
        { workspaceDir: workspace() },
      ),
    ).rejects.toThrow('Task `dataset` has no plots');
  });
});

describe('what the student printed', () => {
  it('comes back with the result', async () => {
    const dir = workspace();
    writeFileSync(
      path.join(dir, '01-sigmoid.ts'),
      "export function sigmoid(z: number[]): number[] {\n  console.log('called with', z.length);\n  return z.map((zi) => 1 / (1 + Math.exp(-zi)));\n}\n",
    );
    const result = await computePlots(task('sigmoid'), { workspaceDir: dir, limits });
    expect(result.output.text).toBe('called with 201\n');
  });
});
