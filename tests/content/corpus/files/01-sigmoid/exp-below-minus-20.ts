// Wrong: returns e^z below z = −20 "because 1 + e^z is 1 there anyway" (off by a relative e^z ≈ 2e−9 at −20).
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  return z.map((zi) => {
    if (zi < -20) return Math.exp(zi);
    if (zi >= 0) return 1 / (1 + Math.exp(-zi));
    const e = Math.exp(zi);
    return e / (1 + e);
  });
}
