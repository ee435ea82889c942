// Wrong: decoupled weight decay (AdamW style, 0.01·w) in every step.
// Expect: fail, no mistake named
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const { grad } = lossAndGrad(X, y, w);
  return w.map((wj, j) => wj - lr * (grad[j] + 0.01 * wj));
}
