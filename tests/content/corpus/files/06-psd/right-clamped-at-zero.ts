// Right: the quadratic form with a Math.max(0, …) guard "in case round-off dips below 0" (a sum of non-negative terms never does, so the guard changes nothing).
// Expect: pass
import { sigmoid } from './01-sigmoid';
import { type Matrix, matVec, type Vector } from './lab';

export function vHv(X: Matrix, _y: Vector, w: Vector, v: Vector): number {
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  let total = 0;
  for (let i = 0; i < X.length; i++) total += p[i] * (1 - p[i]) * Xv[i] ** 2;
  return Math.max(0, total / X.length);
}
