// Wrong: a recursive definition, [σ(z₀), ...sigmoid(rest)], which is quadratic and overflows the call stack on a long z.
// Expect: fail, no mistake named
import type { Vector } from './lab';

function one(zi: number): number {
  if (zi >= 0) return 1 / (1 + Math.exp(-zi));
  const e = Math.exp(zi);
  return e / (1 + e);
}

export function sigmoid(z: Vector): Vector {
  if (z.length === 0) return [];
  return [one(z[0]), ...sigmoid(z.slice(1))];
}
