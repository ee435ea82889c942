// Wrong: memoizes results in a WeakMap keyed by the array object, so a caller who changes z and asks again gets the old σ.
// Expect: fail, no mistake named
import type { Vector } from './lab';

const cache = new WeakMap<Vector, Vector>();

export function sigmoid(z: Vector): Vector {
  const hit = cache.get(z);
  if (hit) return hit;
  const out = z.map((zi) => (zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi))));
  cache.set(z, out);
  return out;
}
