// Wrong: sums the per-example losses recursively, which overflows the call stack for large n.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

function sumFrom(xs: number[], i: number): number {
  return i >= xs.length ? 0 : xs[i] + sumFrom(xs, i + 1);
}

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  const terms = p.map((pi, i) => {
    const q = Math.min(Math.max(pi, 1e-12), 1 - 1e-12);
    return -(y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q));
  });
  const loss = sumFrom(terms, 0) / n;
  const grad = matTVec(X, p.map((pi, i) => pi - y[i])).map((g) => g / n);
  return { loss, grad };
}
