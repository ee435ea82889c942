// Wrong: skips the examples with sᵢ < 1e−8 ("they add no curvature"), so on separable data with large w the answer is 0 instead of small.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { dot, type Matrix, matVec, type Vector } from './lab';

export function hvp(X: Matrix, _y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  const out = new Array<number>(w.length).fill(0);
  for (let i = 0; i < n; i++) {
    const s = p[i] * (1 - p[i]);
    if (s < 1e-8) continue;
    const r = s * dot(X[i], v);
    for (let j = 0; j < w.length; j++) out[j] += (X[i][j] * r) / n;
  }
  return out;
}
