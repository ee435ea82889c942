// Right: memoizes σ per exact value of z in a Map (a pure function of the number, so the cache cannot go stale).
// Expect: pass
import type { Vector } from './lab';

const memo = new Map<number, number>();

function one(zi: number): number {
  const hit = memo.get(zi);
  if (hit !== undefined) return hit;
  const s = zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi));
  if (memo.size < 100_000) memo.set(zi, s);
  return s;
}

export function sigmoid(z: Vector): Vector {
  return z.map(one);
}
