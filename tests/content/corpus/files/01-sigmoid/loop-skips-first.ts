// Wrong: an off-by-one loop from i = 1, so the first entry stays 0.
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  const out: number[] = new Array(z.length).fill(0);
  for (let i = 1; i < z.length; i++) {
    const zi = z[i];
    out[i] = zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi));
  }
  return out;
}
