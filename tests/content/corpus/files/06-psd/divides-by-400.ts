// Wrong: divides by 400, the n of the notebook's dataset, instead of X.length.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { type Matrix, matVec, type Vector } from './lab';

export function vHv(X: Matrix, _y: Vector, w: Vector, v: Vector): number {
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  let total = 0;
  for (let i = 0; i < X.length; i++) total += p[i] * (1 - p[i]) * Xv[i] * Xv[i];
  return total / 400;
}
