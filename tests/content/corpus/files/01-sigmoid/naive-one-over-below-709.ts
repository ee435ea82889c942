// Wrong: the textbook 1/(1 + e^(−z)) for every z, which returns 0 below z ≈ −709 where σ(z) is still a (subnormal) double.
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  return z.map((zi) => 1 / (1 + Math.exp(-zi)));
}
