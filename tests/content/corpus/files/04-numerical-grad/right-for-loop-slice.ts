// Right: a for loop with slice() copies.
// Expect: pass
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  const grad: number[] = [];
  for (let i = 0; i < w.length; i++) {
    const plus = w.slice();
    const minus = w.slice();
    plus[i] = w[i] + eps;
    minus[i] = w[i] - eps;
    grad.push((f(plus) - f(minus)) / (2 * eps));
  }
  return grad;
}
