// Right: the results in a Float64Array (full double precision).
// Expect: pass
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  const out = new Float64Array(z.length);
  z.forEach((zi, i) => {
    out[i] = zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi));
  });
  return out as unknown as Vector;
}
