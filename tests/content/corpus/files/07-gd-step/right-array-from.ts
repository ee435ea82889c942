// Right: lossAndGrad for the gradient, the new weights built with Array.from.
// Expect: pass
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const { grad } = lossAndGrad(X, y, w);
  return Array.from({ length: w.length }, (_, j) => w[j] - lr * grad[j]);
}
