// Right: e^z/(1 + e^z) everywhere, with the Infinity/Infinity above z ≈ 709 mapped to 1 (where σ rounds to 1 anyway).
// Expect: pass
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  return z.map((zi) => {
    const e = Math.exp(zi);
    const s = e / (1 + e);
    return Number.isNaN(s) ? 1 : s;
  });
}
