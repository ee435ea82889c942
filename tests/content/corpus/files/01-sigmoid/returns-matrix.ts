// Wrong: wraps each σ in its own array, as a column vector.
// Expect: fail, mistake returns-matrix
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  return z.map((zi) => [zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi))]) as unknown as Vector;
}
