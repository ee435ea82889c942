// Wrong: silently lowers any eps above 1e−3 to 1e−3 ("a big step is inaccurate"), so the caller's eps = 0.1 is not the step taken.
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  const h = Math.min(eps, 1e-3);
  return w.map((_, i) => {
    const plus = [...w];
    const minus = [...w];
    plus[i] += h;
    minus[i] -= h;
    return (f(plus) - f(minus)) / (2 * h);
  });
}
