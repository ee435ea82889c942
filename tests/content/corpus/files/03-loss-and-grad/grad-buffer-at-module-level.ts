// Wrong: a gradient buffer preallocated at module level and never zeroed, so calls add up.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

let grad: number[] = [];

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const n = X.length;
  if (grad.length !== w.length) grad = new Array(w.length).fill(0);
  const p = sigmoid(matVec(X, w));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < w.length; j++) grad[j] += (X[i][j] * (p[i] - y[i])) / n;
  }
  return { loss: bceLoss(y, p), grad: [...grad] };
}
