// Wrong: passes the results through a Float32Array "to save memory", which keeps about 7 digits and loses the tail below 1e−45.
// Expect: fail, mistake rounds
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  return Array.from(
    Float32Array.from(z, (zi) => (zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi)))),
  );
}
