// Wrong: caches the last result under "length and first entry", assuming a batch that starts the same is the same batch.
// Expect: fail, no mistake named
import type { Vector } from './lab';

const cache = new Map<string, Vector>();

export function sigmoid(z: Vector): Vector {
  const key = `${z.length}:${z[0]}`;
  const hit = cache.get(key);
  if (hit) return [...hit];
  const out = z.map((zi) => (zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi))));
  cache.set(key, out);
  return [...out];
}
