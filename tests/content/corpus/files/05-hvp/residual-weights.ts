// Wrong: weights p − y, the residual of the gradient.
// Expect: fail, mistake residual-not-variance
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  const r = p.map((pi, i) => (pi - y[i]) * Xv[i]);
  return matTVec(X, r).map((g) => g / n);
}
