// Wrong: computes e = e^(−|z|) for both branches but returns 1/(1 + e) in both, so σ(z) = σ(|z|).
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  return z.map((zi) => {
    const e = Math.exp(-Math.abs(zi));
    return zi >= 0 ? 1 / (1 + e) : 1 / (1 + e);
  });
}
