// Wrong: the one-number formula applied to the whole array (−z of an array is NaN unless it has one entry).
// Expect: fail, mistake returns-scalar
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  return (1 / (1 + Math.exp(-(z as unknown as number)))) as unknown as Vector;
}
