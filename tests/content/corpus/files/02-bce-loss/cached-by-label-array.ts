// Wrong: caches the loss keyed by the labels array ("the dataset does not change"), ignoring new p.
// Expect: fail, no mistake named
import type { Vector } from './lab';

const cache = new WeakMap<Vector, number>();

export function bceLoss(y: Vector, p: Vector): number {
  const hit = cache.get(y);
  if (hit !== undefined) return hit;
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], 1e-12), 1 - 1e-12);
    total -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
  }
  const loss = total / y.length;
  cache.set(y, loss);
  return loss;
}
