// Wrong: the residual left as ∂ℓ/∂p · ∂p/∂z, which divides by p and 1 − p: 0/0 where σ(z) is exactly 0 or 1.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const p = sigmoid(matVec(X, w));
  const residual = p.map((pi, i) => (-y[i] / pi + (1 - y[i]) / (1 - pi)) * pi * (1 - pi));
  const grad = matTVec(X, residual).map((g) => g / X.length);
  return { loss: bceLoss(y, p), grad };
}
