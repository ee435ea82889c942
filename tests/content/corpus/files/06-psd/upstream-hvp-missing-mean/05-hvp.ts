// The student's own hvp (task 3.1), returning Xᵀ(s ⊙ Xv) without the 1/n.
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function hvp(X: Matrix, _y: Vector, w: Vector, v: Vector): Vector {
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  return matTVec(X, p.map((pi, i) => pi * (1 - pi) * Xv[i]));
}
