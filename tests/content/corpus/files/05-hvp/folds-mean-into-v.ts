// Wrong: folds the 1/n into v in place, so the caller's v is divided by n.
// Expect: fail, mistake mutates-argument
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  for (let j = 0; j < v.length; j++) v[j] /= n;
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  return matTVec(X, p.map((pi, i) => pi * (1 - pi) * Xv[i]));
}
