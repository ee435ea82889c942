// Wrong: the Hessian built once, on the first call, and reused for every later X and w of the same size.
// Expect: fail, mistake full-hessian
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

let H: number[][] | undefined;

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const d = w.length;
  if (!H || H.length !== d) {
    const p = sigmoid(matVec(X, w));
    const built = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < n; i++) {
      const s = p[i] * (1 - p[i]);
      for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) built[a][b] += (s * X[i][a] * X[i][b]) / n;
    }
    H = built;
  }
  return matVec(H, v);
}
