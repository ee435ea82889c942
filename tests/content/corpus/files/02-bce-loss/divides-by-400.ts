// Wrong: divides by 400, the n of the notebook's dataset, instead of y.length.
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function bceLoss(y: Vector, p: Vector): number {
  const eps = 1e-12;
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], eps), 1 - eps);
    total -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
  }
  return total / 400;
}
