// Wrong: the update loop runs over 5 weights, the d of the notebook's dataset, whatever w.length is.
// Expect: fail, mistake wrong-length
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const { grad } = lossAndGrad(X, y, w);
  const next: Vector = [];
  for (let j = 0; j < 5; j++) next.push(w[j] - lr * grad[j]);
  return next;
}
