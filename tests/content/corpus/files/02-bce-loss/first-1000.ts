// Wrong: only the first 1000 examples enter the mean, "a sample is enough to estimate the loss".
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function bceLoss(y: Vector, p: Vector): number {
  const eps = 1e-12;
  const n = Math.min(y.length, 1000);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const q = Math.min(Math.max(p[i], eps), 1 - eps);
    total -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
  }
  return total / n;
}
