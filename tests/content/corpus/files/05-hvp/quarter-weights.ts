// Wrong: the weights fixed at 1/4, their value at w = 0 ("close enough near the start").
// Expect: fail, no mistake named
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const Xv = matVec(X, v);
  const r = Xv.map((u) => 0.25 * u);
  return matTVec(X, r).map((g) => g / n);
}
