// Wrong: σ′(z) written as e^(−z)/(1 + e^(−z))², which is Infinity/Infinity = NaN for z < −709.
// Expect: fail, mistake unstable-sigmoid
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const s = matVec(X, w).map((z) => Math.exp(-z) / (1 + Math.exp(-z)) ** 2);
  const Xv = matVec(X, v);
  return matTVec(X, s.map((si, i) => si * Xv[i])).map((g) => g / X.length);
}
