// Wrong: XᵀXv/n, the weights s left out.
// Expect: fail, mistake forgot-s
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  const r = p.map((pi, i) => Xv[i]);
  return matTVec(X, r).map((g) => g / n);
}
