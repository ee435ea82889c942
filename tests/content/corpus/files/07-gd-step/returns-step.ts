// Wrong: returns −lr·∇L, the change, not the new weights.
// Expect: fail, mistake returns-step
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const { grad } = lossAndGrad(X, y, w);
  return grad.map((g) => -lr * g);
}
