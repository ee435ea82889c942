// Wrong: (f(w + ε·eᵢ) − f(w))/ε, the definition of the derivative.
// Expect: fail, mistake forward-difference
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  const base = f(w);
  return w.map((_, i) => {
    const plus = [...w];
    plus[i] += eps;
    return (f(plus) - base) / eps;
  });
}
