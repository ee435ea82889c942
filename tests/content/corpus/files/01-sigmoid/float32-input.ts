// Wrong: copies z into a Float32Array first "because logits do not need double precision", so σ is computed at a rounded z.
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  const zf = Float32Array.from(z);
  const out: Vector = [];
  for (const zi of zf) {
    if (zi >= 0) out.push(1 / (1 + Math.exp(-zi)));
    else {
      const e = Math.exp(zi);
      out.push(e / (1 + e));
    }
  }
  return out;
}
