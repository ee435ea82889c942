// Wrong: e^z/(1 + e^z) for every z, with a NaN guard that returns 0 (instead of 1) where exp(z) overflowed above z ≈ 709.
// Expect: fail, mistake naive-overflow
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  return z.map((zi) => {
    const e = Math.exp(zi);
    const s = e / (1 + e);
    return Number.isNaN(s) ? 0 : s;
  });
}
