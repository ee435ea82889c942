// Wrong: the return statement ended up inside the for loop (a misplaced brace), so only the first σ comes back.
// Expect: fail, mistake wrong-length
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  const out: Vector = [];
  for (let i = 0; i < z.length; i++) {
    const zi = z[i];
    if (zi >= 0) {
      out.push(1 / (1 + Math.exp(-zi)));
    } else {
      const e = Math.exp(zi);
      out.push(e / (1 + e));
    }
    return out;
  }
  return out;
}
