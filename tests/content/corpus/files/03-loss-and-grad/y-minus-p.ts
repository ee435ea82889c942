// Wrong: residual y − p (from the log-likelihood's gradient), so the result points uphill.
// Expect: fail, mistake grad-sign
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const p = sigmoid(matVec(X, w));
  const grad = matTVec(X, p.map((pi, i) => y[i] - pi)).map((g) => g / X.length);
  return { loss: bceLoss(y, p), grad };
}
