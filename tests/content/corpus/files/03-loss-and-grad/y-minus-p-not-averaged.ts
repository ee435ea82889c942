// Wrong: two mistakes at once, residual y − p and no 1/n: the result is −n·∇L.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const p = sigmoid(matVec(X, w));
  const grad = matTVec(X, p.map((pi, i) => y[i] - pi));
  return { loss: bceLoss(y, p), grad };
}
