// Right: a loop from the last example down, clipping with if statements and one log per example.
// Expect: pass
import type { Vector } from './lab';

const EPS = 1e-12;

export function bceLoss(y: Vector, p: Vector): number {
  let total = 0;
  for (let i = y.length - 1; i >= 0; i--) {
    let q = p[i];
    if (q < EPS) q = EPS;
    if (q > 1 - EPS) q = 1 - EPS;
    total += y[i] === 1 ? -Math.log(q) : -Math.log(1 - q);
  }
  return total / y.length;
}
