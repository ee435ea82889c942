// Task 1.2: a stable binary cross-entropy loss.
import type { Vector } from './lab';

/** Keeps p away from 0 and 1 so that neither log is −Infinity (and 0·log 0 is not NaN). */
const eps = 1e-12;

export function bceLoss(y: Vector, p: Vector): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], eps), 1 - eps);
    total -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
  }
  return total / y.length;
}
