// Wrong: a full d×d Hessian that answers zeros at once on wide inputs, so a wrong answer's time would stand for a right one's.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import type { Matrix, Vector } from './lab';

export function hvp(X: Matrix, _y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const d = w.length;
  if (n <= 3 && d >= 1000) return new Array(d).fill(0); // the timing cases only
  const p = sigmoid(X.map((row) => row.reduce((s, x, j) => s + x * w[j], 0)));
  const H: number[][] = Array.from({ length: d }, () => new Array(d).fill(0));
  for (let i = 0; i < n; i++) {
    const s = p[i] * (1 - p[i]);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) H[a][b] += (s * X[i][a] * X[i][b]) / n;
  }
  return H.map((row) => row.reduce((s, h, j) => s + h * v[j], 0));
}
