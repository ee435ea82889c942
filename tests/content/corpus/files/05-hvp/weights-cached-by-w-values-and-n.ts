// Wrong: caches s = p(1 − p) by the values of w and n = X.length, not by X: another dataset of the same size at the same w gets the first one's curvature.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';
const cache = new Map<string, number[]>();
export function hvp(X: Matrix, _y: Vector, w: Vector, v: Vector): Vector {
  const key = X.length + ':' + w.join(',');
  let s = cache.get(key);
  if (!s) { s = sigmoid(matVec(X, w)).map((p) => p * (1 - p)); cache.set(key, s); }
  const Xv = matVec(X, v);
  const weights = s;
  return matTVec(X, Xv.map((x, i) => weights[i] * x)).map((x) => x / X.length);
}
