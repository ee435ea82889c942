// Wrong: leaves gradient entry 0 at 0, thinking column 0 is a bias that needs no gradient.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  const grad = new Array(w.length).fill(0);
  for (let j = 1; j < w.length; j++) {
    for (let i = 0; i < n; i++) grad[j] += X[i][j] * (p[i] - y[i]);
    grad[j] /= n;
  }
  return { loss: bceLoss(y, p), grad };
}
