// Wrong: scales the step by max(1, |wᵢ|), a trick from a numerics book, so the step is not the eps given.
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  return w.map((wi, i) => {
    const h = eps * Math.max(1, Math.abs(wi));
    const plus = [...w];
    const minus = [...w];
    plus[i] += h;
    minus[i] -= h;
    return (f(plus) - f(minus)) / (2 * h);
  });
}
