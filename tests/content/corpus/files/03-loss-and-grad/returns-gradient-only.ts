// Wrong: returns the gradient alone and forgets the loss.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const p = sigmoid(matVec(X, w));
  const grad = matTVec(X, p.map((pi, i) => pi - y[i])).map((g) => g / X.length);
  return grad as unknown as { loss: number; grad: Vector };
}
