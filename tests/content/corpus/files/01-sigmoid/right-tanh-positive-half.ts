// Right: ½(1 + tanh(z/2)) where it does not cancel (z ≥ 0), e^z/(1 + e^z) below.
// Expect: pass
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  return z.map((zi) => {
    if (zi >= 0) return 0.5 * (1 + Math.tanh(zi / 2));
    const e = Math.exp(zi);
    return e / (1 + e);
  });
}
