// Right: its own gradient with plain loops, then the update.
// Expect: pass
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const n = X.length;
  const grad = new Array<number>(w.length).fill(0);
  for (let i = 0; i < n; i++) {
    let z = 0;
    for (let j = 0; j < w.length; j++) z += X[i][j] * w[j];
    const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    for (let j = 0; j < w.length; j++) grad[j] += (X[i][j] * (p - y[i])) / n;
  }
  const next: number[] = [];
  for (let j = 0; j < w.length; j++) next.push(w[j] - lr * grad[j]);
  return next;
}
