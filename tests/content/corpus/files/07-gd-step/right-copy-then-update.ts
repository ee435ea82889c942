// Right: copies w, then updates the copy in place.
// Expect: pass
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const { grad } = lossAndGrad(X, y, w);
  const next = [...w];
  grad.forEach((g, j) => {
    next[j] -= lr * g;
  });
  return next;
}
