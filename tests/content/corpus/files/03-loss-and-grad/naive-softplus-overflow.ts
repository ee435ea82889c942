// Wrong: the loss as mean(log(1 + e^z) − y·z) with a naive log(1 + e^z), which overflows to Infinity for z > 709.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const n = X.length;
  const z = matVec(X, w);
  let loss = 0;
  for (let i = 0; i < n; i++) loss += Math.log(1 + Math.exp(z[i])) - y[i] * z[i];
  const p = sigmoid(z);
  const grad = matTVec(X, p.map((pi, i) => pi - y[i])).map((g) => g / n);
  return { loss: loss / n, grad };
}
