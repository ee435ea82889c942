// Right: the loss from z with a stable softplus, log(1 + e^z) = max(z, 0) + log1p(e^(−|z|)).
// Expect: pass
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

const softplus = (z: number) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const n = X.length;
  const z = matVec(X, w);
  const loss = z.reduce((s, zi, i) => s + softplus(zi) - y[i] * zi, 0) / n;
  const p = sigmoid(z);
  const grad = matTVec(X, p.map((pi, i) => pi - y[i])).map((g) => g / n);
  return { loss, grad };
}
