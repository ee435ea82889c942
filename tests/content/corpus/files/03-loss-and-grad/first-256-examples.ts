// Wrong: a mini-batch habit: only the first 256 examples enter the loss and the gradient, "to be fast".
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const Xb = X.slice(0, 256);
  const yb = y.slice(0, 256);
  const p = sigmoid(matVec(Xb, w));
  const loss = bceLoss(yb, p);
  const grad = matTVec(Xb, p.map((pi, i) => pi - yb[i])).map((g) => g / Xb.length);
  return { loss, grad };
}
