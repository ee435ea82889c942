// Right: one e = e^(−|z|) shared by both branches.
// Expect: pass
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  return z.map((zi) => {
    const e = Math.exp(-Math.abs(zi));
    return zi >= 0 ? 1 / (1 + e) : e / (1 + e);
  });
}
