// Right: Float64Array copies of w (passed to f as plain arrays).
// Expect: pass
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  const grad = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const plus = Float64Array.from(w);
    const minus = Float64Array.from(w);
    plus[i] += eps;
    minus[i] -= eps;
    grad[i] = (f(Array.from(plus)) - f(Array.from(minus))) / (2 * eps);
  }
  return Array.from(grad);
}
