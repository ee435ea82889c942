// Wrong: log(1 + e^zᵢ) stabilized with one shift m = max(0, max z) for all examples, m + log(e^(−m) + e^(zᵢ−m)), which is log 0 for an example far below the largest.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const n = X.length;
  const z = matVec(X, w);
  let m = 0;
  for (const zi of z) if (zi > m) m = zi;
  let loss = 0;
  for (let i = 0; i < n; i++) loss += m + Math.log(Math.exp(-m) + Math.exp(z[i] - m)) - y[i] * z[i];
  const p = sigmoid(z);
  const grad = matTVec(
    X,
    p.map((pi, i) => pi - y[i]),
  ).map((g) => g / n);
  return { loss: loss / n, grad };
}
