// Wrong: a minus sign carried over from the loss.
// Expect: fail, mistake sign-error
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  const r = p.map((pi, i) => -pi * (1 - pi) * Xv[i]);
  return matTVec(X, r).map((g) => g / n);
}
