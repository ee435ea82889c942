// Wrong: the loop over examples runs to w.length (d) instead of X.length (n), n and d mixed up; the mean still divides by n.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { dot, type Matrix, type Vector } from './lab';

export function hvp(X: Matrix, _y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const d = w.length;
  const out = new Array<number>(d).fill(0);
  for (let i = 0; i < Math.min(d, n); i++) {
    const p = sigmoid([dot(X[i], w)])[0];
    const r = p * (1 - p) * dot(X[i], v);
    for (let j = 0; j < d; j++) out[j] += (X[i][j] * r) / n;
  }
  return out;
}
