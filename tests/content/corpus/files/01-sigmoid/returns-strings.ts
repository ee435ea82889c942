// Wrong: returns σ as full-precision strings (String(s)), not numbers: nothing is rounded.
// Expect: fail, no mistake named
import type { Vector } from './lab';
export function sigmoid(z: Vector): Vector {
  return z.map((zi) => String(zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi)))) as unknown as Vector;
}
