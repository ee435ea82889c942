// Wrong: stops at the first partial that comes out exactly 0 ("the remaining features are padding"), leaving the rest 0.
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  const grad = new Array<number>(w.length).fill(0);
  for (let i = 0; i < w.length; i++) {
    const plus = [...w];
    const minus = [...w];
    plus[i] += eps;
    minus[i] -= eps;
    const g = (f(plus) - f(minus)) / (2 * eps);
    if (g === 0) break;
    grad[i] = g;
  }
  return grad;
}
