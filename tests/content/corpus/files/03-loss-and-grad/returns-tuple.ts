// Wrong: returns [loss, grad] as the notebook's Python does.
// Expect: fail, mistake returns-tuple
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const p = sigmoid(matVec(X, w));
  const grad = matTVec(X, p.map((pi, i) => pi - y[i])).map((g) => g / X.length);
  return [bceLoss(y, p), grad] as unknown as { loss: number; grad: Vector };
}
