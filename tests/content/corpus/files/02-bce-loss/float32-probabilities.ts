// Wrong: copies p into a Float32Array first, so p = 1 − 1e−9 becomes exactly 1 and its 1 − p is lost before clipping.
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function bceLoss(y: Vector, p: Vector): number {
  const eps = 1e-12;
  const pf = Float32Array.from(p);
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(pf[i], eps), 1 - eps);
    total -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
  }
  return total / y.length;
}
