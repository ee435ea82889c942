// Right: a reduce over the labels, clipping with eps = 1e−12.
// Expect: pass
import type { Vector } from './lab';

const eps = 1e-12;

export function bceLoss(y: Vector, p: Vector): number {
  const sum = y.reduce((acc, yi, i) => {
    const q = Math.min(1 - eps, Math.max(eps, p[i]));
    return acc - (yi * Math.log(q) + (1 - yi) * Math.log(1 - q));
  }, 0);
  return sum / y.length;
}
