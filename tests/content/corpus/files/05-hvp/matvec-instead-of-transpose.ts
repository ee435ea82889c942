// Wrong: X·(s ⊙ Xv) instead of Xᵀ(s ⊙ Xv), a transpose mix-up.
// Expect: fail, mistake forgot-transpose or wrong-length
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  const r = p.map((pi, i) => pi * (1 - pi) * Xv[i]);
  return matVec(X, r).map((g) => g / X.length);
}
