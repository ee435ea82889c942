// Task 2.2: the mean log-loss and its gradient.
//
// Goal: return { loss, grad } where, with z = Xw and p = σ(z),
//   loss = (1/n)·Σᵢ −[yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)]    (a number)
//   grad = Xᵀ(p − y) / n                                    (d entries, one per weight)
//
// HINT:
// - z = X @ w          → matVec(X, w)
// - p = sigmoid(z)     → your sigmoid: import { sigmoid } from './01-sigmoid';
// - loss = BCE         → your bceLoss: import { bceLoss } from './02-bce-loss';
// - grad = X.T @ (p − y) / n   → matTVec(X, residual), then divide by n = X.length
//   (matVec and matTVec: import { matTVec, matVec } from './lab';)
//
// Gotcha: labels are 0/1, not −1/+1.
// Checkpoint: what is the shape of grad?
import type { Matrix, Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  throw new Error('TODO: implement the loss and its gradient');
}
