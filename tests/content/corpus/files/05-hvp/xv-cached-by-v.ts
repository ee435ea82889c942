// Wrong: caches Xv per v object ("the direction is reused across calls"), so the same v with another X, or a v changed in place, gets the old Xv.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

const xvCache = new WeakMap<Vector, Vector>();

export function hvp(X: Matrix, _y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  let Xv = xvCache.get(v);
  if (!Xv) {
    Xv = matVec(X, v);
    xvCache.set(v, Xv);
  }
  const xv = Xv;
  const p = sigmoid(matVec(X, w));
  return matTVec(
    X,
    p.map((pi, i) => pi * (1 - pi) * xv[i]),
  ).map((x) => x / n);
}
