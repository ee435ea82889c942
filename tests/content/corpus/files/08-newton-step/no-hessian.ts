// Wrong: w − ∇L, the Hessian never used ("Newton with step 1").
// Expect: fail, mistake no-hessian
import { lossAndGrad } from './03-loss-and-grad';
import { hvp } from './05-hvp';
import type { Matrix, Vector } from './lab';

export function newtonStep(X: Matrix, y: Vector, w: Vector): Vector {
  const { grad } = lossAndGrad(X, y, w);
  return w.map((wj, j) => wj - grad[j]);
}
