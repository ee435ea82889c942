// Wrong: declared async out of habit.
// Expect: fail, mistake returns-promise
import type { Vector } from './lab';

export async function sigmoid(z: Vector): Promise<Vector> {
  return z.map((zi) => (zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi))));
}
