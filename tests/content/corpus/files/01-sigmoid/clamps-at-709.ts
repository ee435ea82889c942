// Wrong: clamps z to [−709, 709], the edge of exp's range, so σ(−740) comes back as σ(−709).
// Expect: fail, mistake clamps
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  return z.map((zi) => {
    const c = Math.max(-709, Math.min(709, zi));
    return 1 / (1 + Math.exp(-c));
  });
}
