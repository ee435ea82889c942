// Wrong: (f(w − ε·eᵢ) − f(w + ε·eᵢ))/(2ε).
// Expect: fail, mistake difference-reversed
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  return w.map((_, i) => {
    const plus = [...w];
    const minus = [...w];
    plus[i] += eps;
    minus[i] -= eps;
    return (f(minus) - f(plus)) / (2 * eps);
  });
}
