// Right: σ of one number in a helper module of the student's own, mapped over z.
// Expect: pass
import type { Vector } from './lab';
import { stableSigmoid } from './scalar-math';

export function sigmoid(z: Vector): Vector {
  return z.map(stableSigmoid);
}
