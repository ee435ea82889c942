// Wrong: "/ 2 * eps", which multiplies by ε.
// Expect: fail, mistake precedence
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  return w.map((_, i) => {
    const plus = [...w];
    const minus = [...w];
    plus[i] += eps;
    minus[i] -= eps;
    return (f(plus) - f(minus)) / 2 * eps;
  });
}
