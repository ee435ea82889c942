// Wrong: the loop starts at i = 1 (copied from a loop that skipped a header row), so entry 0 stays 0.
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  const grad = new Array(w.length).fill(0);
  for (let i = 1; i < w.length; i++) {
    const plus = [...w];
    const minus = [...w];
    plus[i] += eps;
    minus[i] -= eps;
    grad[i] = (f(plus) - f(minus)) / (2 * eps);
  }
  return grad;
}
