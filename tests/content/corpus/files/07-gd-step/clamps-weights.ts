// Wrong: clamps the new weights to [−10, 10] "so that σ never saturates".
// Expect: fail, no mistake named
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const { grad } = lossAndGrad(X, y, w);
  return w.map((wj, j) => Math.min(10, Math.max(-10, wj - lr * grad[j])));
}
