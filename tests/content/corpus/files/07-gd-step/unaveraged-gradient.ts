// Wrong: its own Xᵀ(p − y) without the 1/n.
// Expect: fail, mistake unaveraged-gradient
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const p = sigmoid(matVec(X, w));
  const grad = matTVec(X, p.map((pi, i) => pi - y[i]));
  return w.map((wj, j) => wj - lr * grad[j]);
}
