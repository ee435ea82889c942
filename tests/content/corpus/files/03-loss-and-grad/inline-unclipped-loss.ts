// Wrong: the cross-entropy written inline without clipping.
// Expect: fail, mistake unclipped-log
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  let loss = 0;
  for (let i = 0; i < n; i++) loss -= y[i] * Math.log(p[i]) + (1 - y[i]) * Math.log(1 - p[i]);
  const grad = matTVec(X, p.map((pi, i) => pi - y[i])).map((g) => g / n);
  return { loss: loss / n, grad };
}
