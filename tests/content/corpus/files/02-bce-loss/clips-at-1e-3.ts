// Wrong: clips p to [1e−3, 1 − 1e−3], which also changes ordinary predictions like p = 1e−4.
// Expect: fail, mistake clips-too-much
import type { Vector } from './lab';

export function bceLoss(y: Vector, p: Vector): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], 1e-3), 1 - 1e-3);
    total -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
  }
  return total / y.length;
}
