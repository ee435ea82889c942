// Wrong: goes back to z = log(p/(1 − p)) and uses log(1 + e^z) − y·z, which is ∞ − ∞ or 0·∞ at p = 0 and p = 1.
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function bceLoss(y: Vector, p: Vector): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const z = Math.log(p[i] / (1 - p[i]));
    total += Math.log(1 + Math.exp(z)) - y[i] * z;
  }
  return total / y.length;
}
