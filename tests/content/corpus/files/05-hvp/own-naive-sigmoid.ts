// Wrong: an own e^z/(1 + e^z) instead of the stable σ, which is NaN for z > 709.
// Expect: fail, mistake unstable-sigmoid
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const p = matVec(X, w).map((z) => Math.exp(z) / (1 + Math.exp(z)));
  const Xv = matVec(X, v);
  return matTVec(X, p.map((pi, i) => pi * (1 - pi) * Xv[i])).map((g) => g / X.length);
}
