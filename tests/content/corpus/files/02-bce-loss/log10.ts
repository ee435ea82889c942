// Wrong: Math.log10, "log" as on a calculator.
// Expect: fail, mistake log-base
import type { Vector } from './lab';

export function bceLoss(y: Vector, p: Vector): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], 1e-12), 1 - 1e-12);
    total -= y[i] * Math.log10(q) + (1 - y[i]) * Math.log10(1 - q);
  }
  return total / y.length;
}
