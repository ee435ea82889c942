// Wrong: loops to 400, the n of the notebook's dataset, instead of z.length.
// Expect: fail, mistake wrong-length
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  const out: Vector = [];
  for (let i = 0; i < 400; i++) {
    const zi = z[i];
    out.push(zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi)));
  }
  return out;
}
