// Wrong: branches on z > 0 but puts e^z/(1 + e^z) on the positive side and the other on the negative side.
// Expect: fail, mistake naive-overflow
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  return z.map((zi) => {
    if (zi > 0) {
      const e = Math.exp(zi);
      return e / (1 + e);
    }
    return 1 / (1 + Math.exp(-zi));
  });
}
