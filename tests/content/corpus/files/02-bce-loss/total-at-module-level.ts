// Wrong: the running total is declared outside the function, so every call adds to the last one's.
// Expect: fail, no mistake named
import type { Vector } from './lab';

let total = 0;

export function bceLoss(y: Vector, p: Vector): number {
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], 1e-12), 1 - 1e-12);
    total -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
  }
  return total / y.length;
}
