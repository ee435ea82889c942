// Wrong: ½(1 + tanh(z/2)) for |z| < 20, the two-branch form outside: digits lost only for −20 < z < 0.
// Expect: fail, mistake zero-tail
import type { Vector } from './lab';
export function sigmoid(z: Vector): Vector {
  return z.map((zi) => {
    if (Math.abs(zi) < 20) return 0.5 * (1 + Math.tanh(zi / 2));
    return zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi));
  });
}
