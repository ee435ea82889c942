// Right: the branch-free identity σ(z) = e^min(z, 0) / (1 + e^(−|z|)).
// Expect: pass
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  return z.map((zi) => Math.exp(Math.min(zi, 0)) / (1 + Math.exp(-Math.abs(zi))));
}
