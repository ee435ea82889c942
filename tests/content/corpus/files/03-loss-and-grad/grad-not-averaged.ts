// Wrong: Xᵀ(p − y) without the 1/n.
// Expect: fail, mistake grad-not-averaged
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const p = sigmoid(matVec(X, w));
  return { loss: bceLoss(y, p), grad: matTVec(X, p.map((pi, i) => pi - y[i])) };
}
