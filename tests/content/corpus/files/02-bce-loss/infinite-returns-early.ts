// Wrong: no clipping; returns Infinity as soon as a term is not finite, which also turns the 0·log 0 = NaN of a right, certain prediction into Infinity.
// Expect: fail, mistake log-zero or zero-log-zero
import type { Vector } from './lab';

export function bceLoss(y: Vector, p: Vector): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const term = -(y[i] * Math.log(p[i]) + (1 - y[i]) * Math.log(1 - p[i]));
    if (!Number.isFinite(term)) return Infinity;
    total += term;
  }
  return total / y.length;
}
