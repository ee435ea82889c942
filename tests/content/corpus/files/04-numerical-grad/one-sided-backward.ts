// Wrong: the backward difference (f(w) − f(w − ε·eᵢ))/ε.
// Expect: fail, mistake forward-difference
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  const base = f(w);
  return w.map((_, i) => {
    const minus = [...w];
    minus[i] -= eps;
    return (base - f(minus)) / eps;
  });
}
