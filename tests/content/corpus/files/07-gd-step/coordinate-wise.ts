// Wrong: updates one weight at a time and recomputes the gradient after each (coordinate descent), so later coordinates use a moved w.
// Expect: fail, no mistake named
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const next = [...w];
  for (let j = 0; j < w.length; j++) {
    const { grad } = lossAndGrad(X, y, next);
    next[j] -= lr * grad[j];
  }
  return next;
}
