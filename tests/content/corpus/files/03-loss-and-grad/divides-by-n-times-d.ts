// Wrong: the gradient divided by n·d, "the mean over every entry of X".
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const p = sigmoid(matVec(X, w));
  const grad = matTVec(
    X,
    p.map((pi, i) => pi - y[i]),
  ).map((g) => g / (X.length * w.length));
  return { loss: bceLoss(y, p), grad };
}
