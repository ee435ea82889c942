// Wrong: an off-by-one loop to i <= z.length, which pushes one NaN too many.
// Expect: fail, mistake wrong-length
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  const out: number[] = [];
  for (let i = 0; i <= z.length; i++) {
    const zi = z[i] as number;
    out.push(zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi)));
  }
  return out;
}
