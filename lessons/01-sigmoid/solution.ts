// Task 1.1: a numerically stable sigmoid.
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  return z.map((zi) => {
    // Each branch calls exp with a number ≤ 0, so nothing overflows and neither tail cancels.
    if (zi >= 0) return 1 / (1 + Math.exp(-zi));
    const e = Math.exp(zi);
    return e / (1 + e);
  });
}
