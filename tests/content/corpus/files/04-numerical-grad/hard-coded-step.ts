// Wrong: a hard-coded step of 1e−5 whatever eps is passed.
// Expect: fail, mistake ignores-eps
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, _eps = 1e-5): Vector {
  const h = 1e-5;
  return w.map((_, i) => {
    const plus = [...w];
    const minus = [...w];
    plus[i] += h;
    minus[i] -= h;
    return (f(plus) - f(minus)) / (2 * h);
  });
}
