// Task 3.1: Hessian-vector product, in O(nd) without forming H.
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

// The labels do not enter the Hessian, hence `_y`: the parameter is there for the shared signature.
export function hvp(X: Matrix, _y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  // Read H·v = Xᵀ(s ⊙ Xv)/n from right to left: n numbers, n numbers, then d numbers.
  const Xv = matVec(X, v);
  const r = p.map((pi, i) => pi * (1 - pi) * Xv[i]);
  return matTVec(X, r).map((x) => x / n);
}
