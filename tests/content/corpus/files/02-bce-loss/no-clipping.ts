// Wrong: the formula as written on paper, with no clipping.
// Expect: fail, mistake zero-log-zero or log-zero
import type { Vector } from './lab';

export function bceLoss(y: Vector, p: Vector): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) total += -(y[i] * Math.log(p[i]) + (1 - y[i]) * Math.log(1 - p[i]));
  return total / y.length;
}
