// Wrong: w + lr·∇L.
// Expect: fail, mistake gradient-ascent
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const { grad } = lossAndGrad(X, y, w);
  return w.map((wj, j) => wj + lr * grad[j]);
}
