// Right: the new weights in a Float64Array.
// Expect: pass
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const { grad } = lossAndGrad(X, y, w);
  const next = Float64Array.from(w);
  for (let j = 0; j < next.length; j++) next[j] -= lr * grad[j];
  return next as unknown as Vector;
}
