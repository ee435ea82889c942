// Wrong: ½(1 + tanh(z/2)) for every z, which cancels for negative z (1 + tanh ≈ 1 − 1).
// Expect: fail, mistake zero-tail
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  return z.map((zi) => 0.5 * (1 + Math.tanh(zi / 2)));
}
