// Right: one pass over the rows with plain loops.
// Expect: pass
import type { Matrix, Vector } from './lab';

export function hvp(X: Matrix, _y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const d = w.length;
  const out = new Array<number>(d).fill(0);
  for (let i = 0; i < n; i++) {
    let z = 0;
    let u = 0;
    for (let j = 0; j < d; j++) {
      z += X[i][j] * w[j];
      u += X[i][j] * v[j];
    }
    const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    const r = p * (1 - p) * u;
    for (let j = 0; j < d; j++) out[j] += X[i][j] * r;
  }
  return out.map((o) => o / n);
}
