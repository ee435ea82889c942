// Wrong: clips p to [1e−7, 1 − 1e−7], the epsilon of a float32 framework, which also changes predictions like p = 1e−9.
// Expect: fail, mistake clips-too-much
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
