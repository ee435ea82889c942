// Right: folds −lr/n into the residual first, then w + Xᵀ(−lr·(p − y)/n).
// Expect: pass
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  const scaled = p.map((pi, i) => (-lr * (pi - y[i])) / n);
  const delta = matTVec(X, scaled);
  return w.map((wj, j) => wj + delta[j]);
}
