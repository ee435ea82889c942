// Wrong: caches the gradient per X object ("the data is the same every step"), so later steps reuse the first gradient.
// Expect: fail, no mistake named
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

const grads = new WeakMap<Matrix, Vector>();

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  let grad = grads.get(X);
  if (!grad) {
    grad = lossAndGrad(X, y, w).grad;
    grads.set(X, grad);
  }
  const g = grad;
  return w.map((wj, j) => wj - lr * g[j]);
}
