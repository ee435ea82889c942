// Wrong: returns the new weights in a Float32Array "as a GPU would", keeping about 7 digits.
// Expect: fail, no mistake named
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const { grad } = lossAndGrad(X, y, w);
  return Float32Array.from(w, (wj, j) => wj - lr * grad[j]) as unknown as Vector;
}
