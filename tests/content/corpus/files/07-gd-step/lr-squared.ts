// Wrong: multiplies by lr twice (once in a scaled gradient, once in the update).
// Expect: fail, no mistake named
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const { grad } = lossAndGrad(X, y, w);
  const scaled = grad.map((g) => lr * g);
  return w.map((wj, j) => wj - lr * scaled[j]);
}
