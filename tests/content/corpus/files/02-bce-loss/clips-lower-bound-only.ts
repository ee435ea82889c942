// Wrong: clips p from below only, so log(1 − p) is still log 0 at p = 1.
// Expect: fail, mistake zero-log-zero or log-zero
import type { Vector } from './lab';

export function bceLoss(y: Vector, p: Vector): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.max(p[i], 1e-12);
    total -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
  }
  return total / y.length;
}
