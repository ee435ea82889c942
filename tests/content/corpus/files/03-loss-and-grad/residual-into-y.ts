// Wrong: stores the residual p − y into y to save an allocation.
// Expect: fail, mistake mutates-argument
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const p = sigmoid(matVec(X, w));
  const loss = bceLoss(y, p);
  for (let i = 0; i < y.length; i++) y[i] = p[i] - y[i];
  return { loss, grad: matTVec(X, y).map((g) => g / X.length) };
}
