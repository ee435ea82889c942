// Wrong: "vectorized" as mean(p − y)·mean(X[:, j]), a product of means where the gradient is the mean of products.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  const meanResidual = p.reduce((s, pi, i) => s + pi - y[i], 0) / n;
  const grad = w.map((_, j) => (meanResidual * X.reduce((s, row) => s + row[j], 0)) / n);
  return { loss: bceLoss(y, p), grad };
}
