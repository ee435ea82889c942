// Right: σ(z) = e^z/(1 + e^z) for z < 0, and 1 − σ(−z) for z ≥ 0 (the subtraction is from 1 to a number ≥ ½, so it loses nothing).
// Expect: pass
import type { Vector } from './lab';

function negativeHalf(zi: number): number {
  const e = Math.exp(zi);
  return e / (1 + e);
}

export function sigmoid(z: Vector): Vector {
  const out = new Array<number>(z.length);
  for (let i = 0; i < z.length; i++) out[i] = z[i] < 0 ? negativeHalf(z[i]) : 1 - negativeHalf(-z[i]);
  return out;
}
