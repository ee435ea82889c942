// Wrong: halves lr until the loss goes down (a backtracking line search), so a large lr is not the step taken.
// Expect: fail, no mistake named
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const { loss, grad } = lossAndGrad(X, y, w);
  let step = lr;
  for (let k = 0; k < 30; k++) {
    const next = w.map((wj, j) => wj - step * grad[j]);
    if (lossAndGrad(X, y, next).loss < loss) return next;
    step /= 2;
  }
  return w.map((wj, j) => wj - step * grad[j]);
}
