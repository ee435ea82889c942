// Wrong: caches s = p(1 − p) per w array object (then X), so new weights written into the same w array get the old curvature.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';
// so a caller that writes new weights into the same w array gets the old curvature.
const cache = new WeakMap<object, WeakMap<object, number[]>>();
export function hvp(X: Matrix, _y: Vector, w: Vector, v: Vector): Vector {
  let byX = cache.get(w);
  if (!byX) { byX = new WeakMap(); cache.set(w, byX); }
  let s = byX.get(X);
  if (!s) { s = sigmoid(matVec(X, w)).map((p) => p * (1 - p)); byX.set(X, s); }
  const Xv = matVec(X, v);
  const weights = s;
  return matTVec(X, Xv.map((x, i) => weights[i] * x)).map((x) => x / X.length);
}
