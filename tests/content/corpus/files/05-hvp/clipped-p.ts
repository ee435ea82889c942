// Wrong: p clipped to [1e−3, 1 − 1e−3] before the weights, so saturated examples still add curvature.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  const r = p.map((pi, i) => Math.min(Math.max(pi, 1e-3), 1 - 1e-3) * (1 - Math.min(Math.max(pi, 1e-3), 1 - 1e-3)) * Xv[i]);
  return matTVec(X, r).map((g) => g / n);
}
