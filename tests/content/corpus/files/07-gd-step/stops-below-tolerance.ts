// Wrong: returns w unchanged once ‖∇L‖ < 1e−3 ("converged"), so the small late steps of a training run are never taken.
// Expect: fail, no mistake named
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const { grad } = lossAndGrad(X, y, w);
  const norm = Math.sqrt(grad.reduce((s, g) => s + g * g, 0));
  if (norm < 1e-3) return [...w];
  return w.map((wj, j) => wj - lr * grad[j]);
}
