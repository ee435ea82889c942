// Wrong: X·(p − y) instead of Xᵀ(p − y), a transpose mix-up (one entry per example comes back).
// Expect: fail, mistake grad-length-n
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const p = sigmoid(matVec(X, w));
  const r = p.map((pi, i) => pi - y[i]);
  return { loss: bceLoss(y, p), grad: matVec(X, r).map((g) => g / X.length) };
}
