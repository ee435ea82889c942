// Right: σ, Xw and Xᵀr from the earlier tasks and the lab, the update with reduce.
// Expect: pass
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  const grad = matTVec(X, p.map((pi, i) => pi - y[i]));
  return w.reduce<number[]>((next, wj, j) => [...next, wj - (lr / n) * grad[j]], []);
}
