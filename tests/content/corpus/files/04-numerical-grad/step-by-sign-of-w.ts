// Wrong: steps by ε·sign(wᵢ) "towards larger magnitude", so entries with wᵢ < 0 come back negated and wᵢ = 0 gives 0/0.
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  return w.map((wi, i) => {
    const h = eps * Math.sign(wi);
    const plus = [...w];
    const minus = [...w];
    plus[i] += h;
    minus[i] -= h;
    return (f(plus) - f(minus)) / (2 * Math.abs(h));
  });
}
