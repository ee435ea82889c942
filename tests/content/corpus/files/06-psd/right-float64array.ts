// Right: everything in Float64Arrays, σ(z)σ(−z) as the weights.
// Expect: pass
import { type Matrix, type Vector } from './lab';

const sig = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function vHv(X: Matrix, _y: Vector, w: Vector, v: Vector): number {
  const n = X.length;
  const terms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = 0;
    let u = 0;
    for (let j = 0; j < w.length; j++) {
      z += X[i][j] * w[j];
      u += X[i][j] * v[j];
    }
    terms[i] = sig(z) * sig(-z) * u * u;
  }
  return terms.reduce((a, b) => a + b, 0) / n;
}
