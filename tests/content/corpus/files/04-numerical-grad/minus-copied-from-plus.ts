// Wrong: the minus point copied from the already perturbed plus point, so it lands back on w: (f(w + εeᵢ) − f(w))/(2ε), half a forward difference.
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  return w.map((_, i) => {
    const plus = [...w];
    plus[i] += eps;
    const minus = [...plus];
    minus[i] -= eps;
    return (f(plus) - f(minus)) / (2 * eps);
  });
}
