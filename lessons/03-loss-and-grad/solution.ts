// Task 2.2: the mean log-loss and its gradient ∇L = Xᵀ(p − y)/n.
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  // bceLoss clips p, so the loss stays finite when large weights push σ(z) to exactly 0 or 1.
  const loss = bceLoss(y, p);
  const residual = p.map((pi, i) => pi - y[i]);
  const grad = matTVec(X, residual).map((g) => g / n);
  return { loss, grad };
}
