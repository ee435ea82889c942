// Wrong: the residual kept only for the examples with y = 1 ("the negatives have nothing to correct").
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  const r = p.map((pi, i) => (y[i] === 1 ? pi - 1 : 0));
  return { loss: bceLoss(y, p), grad: matTVec(X, r).map((g) => g / n) };
}
