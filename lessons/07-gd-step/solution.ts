// Task 4.1: one step of gradient descent, w − lr·∇L.
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const { grad } = lossAndGrad(X, y, w);
  // A new array: the caller still holds the old w (to compare losses, for instance).
  return w.map((wj, j) => wj - lr * grad[j]);
}
