// Right: a for loop that pushes into a new array, branching on the sign.
// Expect: pass
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  const out: number[] = [];
  for (const zi of z) {
    if (zi >= 0) {
      out.push(1 / (1 + Math.exp(-zi)));
    } else {
      const e = Math.exp(zi);
      out.push(e / (1 + e));
    }
  }
  return out;
}
