// Wrong: the loss is the sum of the per-example losses (the gradient is averaged).
// Expect: fail, mistake loss-sum
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  const grad = matTVec(X, p.map((pi, i) => pi - y[i])).map((g) => g / n);
  return { loss: bceLoss(y, p) * n, grad };
}
