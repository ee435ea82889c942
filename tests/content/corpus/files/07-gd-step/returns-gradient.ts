// Wrong: returns ∇L itself.
// Expect: fail, mistake returns-gradient
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  return lossAndGrad(X, y, w).grad;
}
