// Wrong: caps the learning rate at 1 ("larger always diverges"), so lr = 5 takes a step of 1.
// Expect: fail, no mistake named
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const { grad } = lossAndGrad(X, y, w);
  const step = Math.min(lr, 1);
  return w.map((wj, j) => wj - step * grad[j]);
}
