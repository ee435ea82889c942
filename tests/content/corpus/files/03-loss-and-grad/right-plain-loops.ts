// Right: one pass over the rows with plain loops, no imports but the types.
// Expect: pass
import type { Matrix, Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const n = X.length;
  const d = w.length;
  const grad = new Array<number>(d).fill(0);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let z = 0;
    for (let j = 0; j < d; j++) z += X[i][j] * w[j];
    const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    const q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
    loss -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
    for (let j = 0; j < d; j++) grad[j] += X[i][j] * (p - y[i]);
  }
  return { loss: loss / n, grad: grad.map((g) => g / n) };
}
