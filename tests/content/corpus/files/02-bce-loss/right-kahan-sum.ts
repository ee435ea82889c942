// Right: Kahan-compensated summation of the clipped terms.
// Expect: pass
import type { Vector } from './lab';

export function bceLoss(y: Vector, p: Vector): number {
  const eps = 1e-12;
  let sum = 0;
  let carry = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], eps), 1 - eps);
    const term = -(y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q)) - carry;
    const next = sum + term;
    carry = next - sum - term;
    sum = next;
  }
  return sum / y.length;
}
