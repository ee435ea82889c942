// Wrong: the first-order Taylor expansion ½ + z/4 for |z| < 0.1, "to save an exp" (off by z³/48 ≈ 2e−5 at the edge).
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  return z.map((zi) => {
    if (zi > -0.1 && zi < 0.1) return 0.5 + zi / 4;
    if (zi >= 0) return 1 / (1 + Math.exp(-zi));
    const e = Math.exp(zi);
    return e / (1 + e);
  });
}
