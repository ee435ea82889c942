// Right: caches the last result, keyed by a copy of every value of X, y and w (so it can never be stale).
// Expect: pass
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

let last: { key: string; loss: number; grad: Vector } | undefined;

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const key = JSON.stringify([X, y, w]);
  if (last && last.key === key) return { loss: last.loss, grad: [...last.grad] };
  const p = sigmoid(matVec(X, w));
  const grad = matTVec(X, p.map((pi, i) => pi - y[i])).map((g) => g / X.length);
  last = { key, loss: bceLoss(y, p), grad };
  return { loss: last.loss, grad: [...grad] };
}
