// Wrong: Xᵀr computed as Σⱼ X[i][j]·rⱼ over the rows of Xᵀ, the indices swapped, which only runs when X is square.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { type Matrix, matVec, type Vector } from './lab';

export function hvp(X: Matrix, _y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  const r = p.map((pi, i) => pi * (1 - pi) * Xv[i]);
  return w.map((_, j) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += X[j][i] * r[i];
    return s / n;
  });
}
