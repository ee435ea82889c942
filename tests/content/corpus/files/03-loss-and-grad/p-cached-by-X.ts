// Wrong: caches p = σ(Xw) per X object ("the data never changes"), so a new w is ignored after the first call.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

const cache = new WeakMap<Matrix, Vector>();

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  let p = cache.get(X);
  if (!p) {
    p = sigmoid(matVec(X, w));
    cache.set(X, p);
  }
  const q = p;
  const grad = matTVec(X, q.map((pi, i) => pi - y[i])).map((g) => g / X.length);
  return { loss: bceLoss(y, q), grad };
}
