// Wrong: the gradient has 5 entries, the d of the notebook's dataset, whatever w.length is.
// Expect: fail, mistake wrong-length
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  const grad = [0, 0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 5; j++) grad[j] += (X[i][j] * (p[i] - y[i])) / n;
  }
  return { loss: bceLoss(y, p), grad };
}
