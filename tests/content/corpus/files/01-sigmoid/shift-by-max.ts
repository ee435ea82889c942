// Wrong: the softmax trick of subtracting m = max(z) from every logit, σ(zᵢ) = e^(zᵢ−m)/(e^(zᵢ−m) + e^(−m)), which is 0/0 for entries far below the largest.
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  let m = 0;
  for (const zi of z) if (zi > m) m = zi;
  return z.map((zi) => {
    const a = Math.exp(zi - m);
    return a / (a + Math.exp(-m));
  });
}
