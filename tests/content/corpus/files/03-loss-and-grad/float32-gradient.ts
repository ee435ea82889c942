// Wrong: the gradient returned as a Float32Array, which keeps only about 7 digits.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const p = sigmoid(matVec(X, w));
  const g = matTVec(X, p.map((pi, i) => pi - y[i])).map((v) => v / X.length);
  return { loss: bceLoss(y, p), grad: Array.from(Float32Array.from(g)) };
}
