// Wrong: w − ∇L, the learning rate never used.
// Expect: fail, mistake ignores-lr
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const { grad } = lossAndGrad(X, y, w);
  return w.map((wj, j) => wj - grad[j]);
}
