// Wrong: clips the gradient to norm 1 "for stability".
// Expect: fail, no mistake named
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const { grad } = lossAndGrad(X, y, w);
  const norm = Math.sqrt(grad.reduce((s, g) => s + g * g, 0));
  const scale = norm > 1 ? 1 / norm : 1;
  return w.map((wj, j) => wj - lr * scale * grad[j]);
}
