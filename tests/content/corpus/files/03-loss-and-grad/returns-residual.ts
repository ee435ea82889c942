// Wrong: returns the residual p − y as the gradient (one entry per example).
// Expect: fail, mistake grad-length-n
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const p = sigmoid(matVec(X, w));
  return { loss: bceLoss(y, p), grad: p.map((pi, i) => (pi - y[i]) / X.length) };
}
