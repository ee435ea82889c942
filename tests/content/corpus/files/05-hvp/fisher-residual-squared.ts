// Wrong: Fisher-style weights (pᵢ − yᵢ)², the outer product of the gradients, instead of pᵢ(1 − pᵢ).
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  const r = p.map((pi, i) => (pi - y[i]) ** 2 * Xv[i]);
  return matTVec(X, r).map((g) => g / n);
}
