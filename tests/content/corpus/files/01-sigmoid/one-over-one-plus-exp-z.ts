// Wrong: 1/(1 + e^z), the minus sign lost.
// Expect: fail, mistake sign-flipped
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  return z.map((zi) => 1 / (1 + Math.exp(zi)));
}
