// Wrong: residual z − y (forgot σ in the gradient; the loss uses σ).
// Expect: fail, mistake forgot-sigmoid
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const z = matVec(X, w);
  const grad = matTVec(X, z.map((zi, i) => zi - y[i])).map((g) => g / X.length);
  return { loss: bceLoss(y, sigmoid(z)), grad };
}
