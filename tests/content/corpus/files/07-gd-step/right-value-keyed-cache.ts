// Right: caches the gradient keyed by the values of X, y and w (so it is only reused for the very same point).
// Expect: pass
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

let last: { key: string; grad: Vector } | undefined;

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const key = JSON.stringify([X, y, w]);
  if (!last || last.key !== key) last = { key, grad: lossAndGrad(X, y, w).grad };
  const grad = last.grad;
  return w.map((wj, j) => wj - lr * grad[j]);
}
