// Right: w.with(i, wᵢ ± ε), the copying Array method of ES2023.
// Expect: pass
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  const grad: Vector = [];
  for (let i = 0; i < w.length; i++) {
    grad.push((f(w.with(i, w[i] + eps)) - f(w.with(i, w[i] - eps))) / (2 * eps));
  }
  return grad;
}
