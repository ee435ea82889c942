// Wrong: heavy-ball momentum kept in a module variable (β = 0.9): the first step is plain gradient descent, later ones are not.
// Expect: fail, no mistake named
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

let velocity: number[] = [];

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const { grad } = lossAndGrad(X, y, w);
  if (velocity.length !== w.length) velocity = new Array(w.length).fill(0);
  velocity = velocity.map((vj, j) => 0.9 * vj + grad[j]);
  return w.map((wj, j) => wj - lr * velocity[j]);
}
