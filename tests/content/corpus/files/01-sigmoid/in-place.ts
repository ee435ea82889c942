// Wrong: overwrites z with σ(z) in place to avoid allocating, and returns it.
// Expect: fail, mistake mutates-argument
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  for (let i = 0; i < z.length; i++) {
    const zi = z[i];
    z[i] = zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi));
  }
  return z;
}
