// Wrong: returns s ⊙ Xv / n, one entry per example.
// Expect: fail, mistake forgot-transpose
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  return p.map((pi, i) => (pi * (1 - pi) * Xv[i]) / X.length);
}
