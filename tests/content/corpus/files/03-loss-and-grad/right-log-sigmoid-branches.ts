// Right: the loss from log σ(z) and log σ(−z) written with branches (no clipping needed), the gradient from σ.
// Expect: pass
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

/** log σ(t), stable for every t. */
function logSigmoid(t: number): number {
  return t >= 0 ? -Math.log1p(Math.exp(-t)) : t - Math.log1p(Math.exp(t));
}

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const n = X.length;
  const z = matVec(X, w);
  let loss = 0;
  for (let i = 0; i < n; i++) loss -= y[i] === 1 ? logSigmoid(z[i]) : logSigmoid(-z[i]);
  const p = sigmoid(z);
  const grad = matTVec(
    X,
    p.map((pi, i) => pi - y[i]),
  ).map((g) => g / n);
  return { loss: loss / n, grad };
}
