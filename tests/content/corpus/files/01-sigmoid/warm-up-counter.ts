// Wrong: a debugging counter left in that shifts z after the first call (a leftover "temperature" experiment).
// Expect: fail, no mistake named
import type { Vector } from './lab';

let calls = 0;

export function sigmoid(z: Vector): Vector {
  calls++;
  const shift = calls > 1 ? 3 : 0;
  return z.map((raw) => {
    const zi = raw + shift;
    return zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi));
  });
}
