// Wrong: the weights taken at σ(Xv) instead of σ(Xw), w and v mixed up.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { type Matrix, matVec, type Vector } from './lab';

export function vHv(X: Matrix, _y: Vector, _w: Vector, v: Vector): number {
  const Xv = matVec(X, v);
  const p = sigmoid(Xv);
  let total = 0;
  for (let i = 0; i < X.length; i++) total += p[i] * (1 - p[i]) * Xv[i] * Xv[i];
  return total / X.length;
}
