// Wrong: adds L2 regularisation (λ = 0.01) to the loss and the gradient, a habit from another course.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

const lambda = 0.01;

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const p = sigmoid(matVec(X, w));
  const penalty = (lambda / 2) * w.reduce((s, wj) => s + wj * wj, 0);
  const grad = matTVec(X, p.map((pi, i) => pi - y[i])).map((g, j) => g / X.length + lambda * w[j]);
  return { loss: bceLoss(y, p) + penalty, grad };
}
