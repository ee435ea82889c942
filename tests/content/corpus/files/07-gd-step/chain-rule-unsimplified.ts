// Wrong: the residual left as ∂ℓ/∂p · ∂p/∂z with the stable σ: 0/0 where σ(z) is exactly 0 or 1, no overflow anywhere.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const p = sigmoid(matVec(X, w));
  const residual = p.map((pi, i) => (-y[i] / pi + (1 - y[i]) / (1 - pi)) * pi * (1 - pi));
  const grad = matTVec(X, residual).map((g) => g / X.length);
  return w.map((wj, j) => wj - lr * grad[j]);
}
