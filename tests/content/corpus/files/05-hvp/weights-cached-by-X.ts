// Wrong: caches s = p(1 − p) per X object ("X does not change"), so a later w with the same X gets the old weights.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

const weights = new WeakMap<Matrix, Vector>();

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  let s = weights.get(X);
  if (!s) {
    s = sigmoid(matVec(X, w)).map((pi) => pi * (1 - pi));
    weights.set(X, s);
  }
  const si = s;
  const Xv = matVec(X, v);
  return matTVec(X, Xv.map((u, i) => si[i] * u)).map((g) => g / X.length);
}
