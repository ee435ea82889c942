// Wrong: builds the d×d Hessian XᵀSX/n and multiplies it by v.
// Expect: fail, mistake full-hessian
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const d = w.length;
  const p = sigmoid(matVec(X, w));
  const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < n; i++) {
    const s = p[i] * (1 - p[i]);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) H[a][b] += (s * X[i][a] * X[i][b]) / n;
  }
  return matVec(H, v);
}
