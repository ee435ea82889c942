// The student's own lossAndGrad (task 2.2), returning Xᵀ(p − y) without the 1/n.
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const p = sigmoid(matVec(X, w));
  return { loss: bceLoss(y, p), grad: matTVec(X, p.map((pi, i) => pi - y[i])) };
}
