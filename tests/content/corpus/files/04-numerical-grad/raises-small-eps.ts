// Wrong: silently raises a small eps to 1e−4 "because tiny steps are noisy".
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  const h = Math.max(eps, 1e-4);
  return w.map((_, i) => {
    const plus = [...w];
    const minus = [...w];
    plus[i] += h;
    minus[i] -= h;
    return (f(plus) - f(minus)) / (2 * h);
  });
}
