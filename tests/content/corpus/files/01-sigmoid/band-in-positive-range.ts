// Wrong: a lookup-table shortcut between 2 and 2.5 that returns σ(2.25) for the whole band.
// Expect: fail, no mistake named
import type { Vector } from './lab';

const mid = 1 / (1 + Math.exp(-2.25));

export function sigmoid(z: Vector): Vector {
  return z.map((zi) => {
    if (zi > 2 && zi < 2.5) return mid;
    if (zi >= 0) return 1 / (1 + Math.exp(-zi));
    const e = Math.exp(zi);
    return e / (1 + e);
  });
}
