// Right: the terms in a Float64Array, then summed.
// Expect: pass
import type { Vector } from './lab';

export function bceLoss(y: Vector, p: Vector): number {
  const terms = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], 1e-12), 1 - 1e-12);
    terms[i] = -(y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q));
  }
  let sum = 0;
  for (const t of terms) sum += t;
  return sum / terms.length;
}
