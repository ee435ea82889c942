// Wrong: rounds each σ to 10 significant digits with toPrecision, "to keep the output tidy".
// Expect: fail, mistake rounds
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  return z.map((zi) => {
    const s = zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi));
    return Number(s.toPrecision(10));
  });
}
