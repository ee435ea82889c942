// Wrong: the default step lowered to 1e−8 "for accuracy", where round-off in f outweighs the ε² error.
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-8): Vector {
  return w.map((_, i) => {
    const plus = [...w];
    const minus = [...w];
    plus[i] += eps;
    minus[i] -= eps;
    return (f(plus) - f(minus)) / (2 * eps);
  });
}
