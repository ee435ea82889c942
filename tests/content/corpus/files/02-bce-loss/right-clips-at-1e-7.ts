// Right: clips p to [1e−7, 1 − 1e−7], the epsilon of a float32 framework: a tiny bound, which the lesson allows (it changes nothing for p between 1e−6 and 1 − 1e−6).
// Expect: pass
import type { Vector } from './lab';

export function bceLoss(y: Vector, p: Vector): number {
  const eps = 1e-7;
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], eps), 1 - eps);
    total -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
  }
  return total / y.length;
}
