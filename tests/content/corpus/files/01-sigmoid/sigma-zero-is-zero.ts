// Wrong: a special case for z = 0 that returns 0 (the student confused σ(0) with tanh(0)).
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  return z.map((zi) => {
    if (zi === 0) return 0;
    if (zi > 0) return 1 / (1 + Math.exp(-zi));
    const e = Math.exp(zi);
    return e / (1 + e);
  });
}
