// Right: for…of over y.entries(), a running mean updated per example.
// Expect: pass
import type { Vector } from './lab';

export function bceLoss(y: Vector, p: Vector): number {
  let mean = 0;
  for (const [i, yi] of y.entries()) {
    const q = Math.min(Math.max(p[i], 1e-12), 1 - 1e-12);
    const term = -(yi * Math.log(q) + (1 - yi) * Math.log(1 - q));
    mean += (term - mean) / (i + 1);
  }
  return mean;
}
