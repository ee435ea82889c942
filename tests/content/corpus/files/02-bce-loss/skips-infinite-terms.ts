// Wrong: skips examples whose term is not finite instead of clipping.
// Expect: fail, mistake skips-examples
import type { Vector } from './lab';

export function bceLoss(y: Vector, p: Vector): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const term = -(y[i] * Math.log(p[i]) + (1 - y[i]) * Math.log(1 - p[i]));
    if (Number.isFinite(term)) total += term;
  }
  return total / y.length;
}
