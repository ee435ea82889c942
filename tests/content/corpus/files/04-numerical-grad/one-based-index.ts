// Wrong: a 1-based loop carried over from MATLAB: i = 1…d perturbs w[i] and stores into grad[i − 1], so every entry is the next coordinate's partial.
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  const grad = new Array<number>(w.length).fill(0);
  for (let i = 1; i <= w.length; i++) {
    const plus = [...w];
    const minus = [...w];
    plus[i] += eps;
    minus[i] -= eps;
    grad[i - 1] = (f(plus) - f(minus)) / (2 * eps);
  }
  return grad;
}
