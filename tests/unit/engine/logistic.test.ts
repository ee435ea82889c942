// The oracle must be right: every check compares against it.
import { describe, expect, it } from 'vitest';
import { makeData } from '../../../src/engine/datasets.js';
import {
  bceLoss,
  dot,
  gdStep,
  hessian,
  hvp,
  lossAndGrad,
  newtonStep,
  sigmoid,
  solve,
} from '../../../src/engine/logistic.js';

describe('reference math', () => {
  it('sigmoid is accurate in both tails and symmetric', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(-700)).toBeCloseTo(Math.exp(-700), 310);
    expect(sigmoid(-700) / Math.exp(-700)).toBeCloseTo(1, 12);
    expect(sigmoid(1000)).toBe(1);
    expect(Math.abs(sigmoid(-30) - (1 - sigmoid(30)))).toBeLessThan(1e-15);
  });

  it('the loss agrees with the clipped cross-entropy of sigmoid(Xw)', () => {
    const { X, y } = makeData({ n: 50, d: 3, seed: 2 });
    const w = [0.3, -0.2, 0.5];
    const p = X.map((row) => sigmoid(dot(row, w)));
    expect(lossAndGrad(X, y, w).loss).toBeCloseTo(bceLoss(y, p), 12);
  });

  it('the gradient agrees with central differences', () => {
    const { X, y } = makeData({ n: 60, d: 4, seed: 5 });
    const w = [0.1, -0.4, 0.2, 0.3];
    const { grad } = lossAndGrad(X, y, w);
    const eps = 1e-6;
    grad.forEach((g, j) => {
      const plus = w.map((x, k) => (k === j ? x + eps : x));
      const minus = w.map((x, k) => (k === j ? x - eps : x));
      expect(g).toBeCloseTo(
        (lossAndGrad(X, y, plus).loss - lossAndGrad(X, y, minus).loss) / (2 * eps),
        8,
      );
    });
  });

  it('hvp agrees with differences of the gradient, and the Hessian is PSD', () => {
    const { X, y } = makeData({ n: 60, d: 3, seed: 6 });
    const w = [0.2, 0.1, -0.3];
    const v = [1, -2, 0.5];
    const eps = 1e-6;
    const up = lossAndGrad(
      X,
      y,
      w.map((x, j) => x + eps * (v[j] ?? 0)),
    ).grad;
    const down = lossAndGrad(
      X,
      y,
      w.map((x, j) => x - eps * (v[j] ?? 0)),
    ).grad;
    hvp(X, w, v).forEach((h, j) => {
      expect(h).toBeCloseTo(((up[j] ?? 0) - (down[j] ?? 0)) / (2 * eps), 7);
    });
    expect(dot(v, hvp(X, w, v))).toBeGreaterThan(0);
    expect(hessian(X, w)[0]).toEqual(hvp(X, w, [1, 0, 0]));
  });

  it('solves linear systems and takes descent and Newton steps', () => {
    expect(
      solve(
        [
          [4, 1],
          [1, 3],
        ],
        [1, 2],
      ).map((x) => Number(x.toFixed(12))),
    ).toEqual([1 / 11, 7 / 11].map((x) => Number(x.toFixed(12))));
    const { X, y } = makeData({ n: 200, d: 3, seed: 8 });
    const w = [0, 0, 0];
    const start = lossAndGrad(X, y, w).loss;
    expect(lossAndGrad(X, y, gdStep(X, y, w, 0.1)).loss).toBeLessThan(start);
    const newton = newtonStep(X, y, w);
    expect(lossAndGrad(X, y, newton).loss).toBeLessThan(
      lossAndGrad(X, y, gdStep(X, y, w, 0.1)).loss,
    );
  });
});
