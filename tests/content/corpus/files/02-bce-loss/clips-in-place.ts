// Wrong: clips p in place, so the caller's probabilities change.
// Expect: fail, mistake mutates-argument
import type { Vector } from './lab';

export function bceLoss(y: Vector, p: Vector): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    p[i] = Math.min(Math.max(p[i], 1e-12), 1 - 1e-12);
    total -= y[i] * Math.log(p[i]) + (1 - y[i]) * Math.log(1 - p[i]);
  }
  return total / y.length;
}
