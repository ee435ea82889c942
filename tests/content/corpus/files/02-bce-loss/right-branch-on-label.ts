// Right: one log per example, chosen by the label, so 0·log 0 never arises.
// Expect: pass
import type { Vector } from './lab';

export function bceLoss(y: Vector, p: Vector): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], 1e-12), 1 - 1e-12);
    total += y[i] === 1 ? -Math.log(q) : -Math.log(1 - q);
  }
  return total / y.length;
}
