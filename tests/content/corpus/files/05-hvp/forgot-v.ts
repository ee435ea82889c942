// Wrong: Xᵀs/n, v never used.
// Expect: fail, mistake forgot-v
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  const r = p.map((pi) => pi * (1 - pi));
  return matTVec(X, r).map((g) => g / n);
}
