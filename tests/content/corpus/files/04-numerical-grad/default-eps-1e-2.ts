// Wrong: the default step changed to 1e−2 "to be safe", so a call without eps is off by O(1e−4).
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-2): Vector {
  return w.map((_, i) => {
    const plus = [...w];
    const minus = [...w];
    plus[i] += eps;
    minus[i] -= eps;
    return (f(plus) - f(minus)) / (2 * eps);
  });
}
