// Wrong: returns exactly 0 below −30 and 1 above 30 ("σ is flat out there").
// Expect: fail, mistake clamps
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  return z.map((zi) => {
    if (zi > 30) return 1;
    if (zi < -30) return 0;
    if (zi >= 0) return 1 / (1 + Math.exp(-zi));
    const e = Math.exp(zi);
    return e / (1 + e);
  });
}
