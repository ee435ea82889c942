// Wrong: updates w in place (as numpy's w -= lr * grad does) and returns it.
// Expect: fail, mistake mutates-argument
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const { grad } = lossAndGrad(X, y, w);
  for (let j = 0; j < w.length; j++) w[j] -= lr * grad[j];
  return w;
}
