// Wrong: accumulates in a Float32Array "for speed", losing digits over many examples.
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function bceLoss(y: Vector, p: Vector): number {
  const acc = new Float32Array(1);
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], 1e-12), 1 - 1e-12);
    acc[0] -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
  }
  return acc[0] / y.length;
}
