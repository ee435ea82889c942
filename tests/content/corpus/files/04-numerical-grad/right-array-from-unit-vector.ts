// Right: w ± ε·eᵢ built from a unit vector with Array.from.
// Expect: pass
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  const d = w.length;
  const unit = (i: number) => Array.from({ length: d }, (_, k) => (k === i ? 1 : 0));
  return Array.from({ length: d }, (_, i) => {
    const e = unit(i);
    const plus = w.map((wk, k) => wk + eps * e[k]);
    const minus = w.map((wk, k) => wk - eps * e[k]);
    return (f(plus) - f(minus)) / (2 * eps);
  });
}
