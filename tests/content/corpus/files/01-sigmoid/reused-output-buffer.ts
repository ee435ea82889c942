// Wrong: returns one module-level buffer, reused by every call: a caller's earlier result changes under it (and keeps old entries when z is shorter).
// Expect: fail, mistake wrong-length
import type { Vector } from './lab';

const buffer: number[] = [];

export function sigmoid(z: Vector): Vector {
  for (let i = 0; i < z.length; i++) {
    const zi = z[i];
    buffer[i] = zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi));
  }
  return buffer;
}
