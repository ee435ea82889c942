// Right: scipy's xlogy idea (0·log anything = 0) plus clipping for log 0.
// Expect: pass
import type { Vector } from './lab';

const xlogy = (x: number, v: number) => (x === 0 ? 0 : x * Math.log(v));

export function bceLoss(y: Vector, p: Vector): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], 1e-12), 1 - 1e-12);
    total -= xlogy(y[i], q) + xlogy(1 - y[i], 1 - q);
  }
  return total / y.length;
}
