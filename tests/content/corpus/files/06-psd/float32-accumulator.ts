// Wrong: sums Σ sᵢ(xᵢ·v)² through Math.fround after every addition, a float32 accumulator that keeps about 7 digits.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { type Matrix, matVec, type Vector } from './lab';

export function vHv(X: Matrix, _y: Vector, w: Vector, v: Vector): number {
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  let total = 0;
  for (let i = 0; i < X.length; i++) total = Math.fround(total + p[i] * (1 - p[i]) * Xv[i] * Xv[i]);
  return total / X.length;
}
