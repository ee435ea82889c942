// Wrong: Math.max(Math.min(p, ε), 1 − ε), the min and max swapped, so every q is 1 − ε.
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function bceLoss(y: Vector, p: Vector): number {
  const eps = 1e-12;
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.max(Math.min(p[i], eps), 1 - eps);
    total -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
  }
  return total / y.length;
}
