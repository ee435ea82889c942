// Wrong: ε = 1e−4 added inside both logs instead of clipping, so every loss is off and a right, certain answer costs −1e−4.
// Expect: fail, no mistake named
import type { Vector } from './lab';

const eps = 1e-4;

export function bceLoss(y: Vector, p: Vector): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    total -= y[i] * Math.log(p[i] + eps) + (1 - y[i]) * Math.log(1 - p[i] + eps);
  }
  return total / y.length;
}
