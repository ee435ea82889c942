// Wrong: a fixed mini-batch, the first 64 rows, "as in SGD".
// Expect: fail, no mistake named
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const { grad } = lossAndGrad(X.slice(0, 64), y.slice(0, 64), w);
  return w.map((wj, j) => wj - lr * grad[j]);
}
