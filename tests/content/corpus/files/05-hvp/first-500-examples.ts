// Wrong: only the first 500 examples, "a subsample is enough for curvature".
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const Xs = X.slice(0, 500);
  const p = sigmoid(matVec(Xs, w));
  const Xv = matVec(Xs, v);
  return matTVec(Xs, p.map((pi, i) => pi * (1 - pi) * Xv[i])).map((g) => g / Xs.length);
}
