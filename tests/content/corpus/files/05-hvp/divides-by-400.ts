// Wrong: divides by 400, the n of the notebook's dataset, instead of X.length.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function hvp(X: Matrix, _y: Vector, w: Vector, v: Vector): Vector {
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  return matTVec(
    X,
    p.map((pi, i) => pi * (1 - pi) * Xv[i]),
  ).map((x) => x / 400);
}
