// Wrong: the loop stops at w.length − 1, so the last entry stays 0.
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  const grad = new Array(w.length).fill(0);
  for (let i = 0; i < w.length - 1; i++) {
    const plus = [...w];
    const minus = [...w];
    plus[i] += eps;
    minus[i] -= eps;
    grad[i] = (f(plus) - f(minus)) / (2 * eps);
  }
  return grad;
}
