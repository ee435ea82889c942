// Right: labels mapped to t = ±1, loss mean log(1 + e^(−t·z)) and gradient −Xᵀ(t·σ(−t·z))/n, the same function.
// Expect: pass
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

const softplus = (z: number) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const n = X.length;
  const t = y.map((yi) => 2 * yi - 1);
  const margins = matVec(X, w).map((zi, i) => t[i] * zi);
  const loss = margins.reduce((s, m) => s + softplus(-m), 0) / n;
  const s = sigmoid(margins.map((m) => -m));
  const grad = matTVec(X, s.map((si, i) => -t[i] * si)).map((g) => g / n);
  return { loss, grad };
}
