// Wrong: the weights taken at σ(Xv) instead of σ(Xw), w and v mixed up.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function hvp(X: Matrix, _y: Vector, _w: Vector, v: Vector): Vector {
  const n = X.length;
  const Xv = matVec(X, v);
  const p = sigmoid(Xv);
  return matTVec(
    X,
    p.map((pi, i) => pi * (1 - pi) * Xv[i]),
  ).map((x) => x / n);
}
