// Wrong: "zi | 0" to make sure z is a number, which truncates it to a 32-bit integer (and 1e308 | 0 is 0).
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  return z.map((raw) => {
    const zi = raw | 0;
    if (zi >= 0) return 1 / (1 + Math.exp(-zi));
    const e = Math.exp(zi);
    return e / (1 + e);
  });
}
