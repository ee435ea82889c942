// Wrong: a shortcut that returns exactly 0.5 for |z| < 0.01 (off by up to 0.0025).
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  return z.map((zi) => {
    if (Math.abs(zi) < 0.01) return 0.5;
    if (zi >= 0) return 1 / (1 + Math.exp(-zi));
    const e = Math.exp(zi);
    return e / (1 + e);
  });
}
