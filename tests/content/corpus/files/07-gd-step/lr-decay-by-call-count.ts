// Wrong: decays the learning rate with the number of calls so far, lr/(1 + 0.05·t).
// Expect: fail, no mistake named
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

let t = 0;

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const { grad } = lossAndGrad(X, y, w);
  const rate = lr / (1 + 0.05 * t);
  t++;
  return w.map((wj, j) => wj - rate * grad[j]);
}
