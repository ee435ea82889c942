// Right: its own textbook σ = 1/(1 + e^(−z)) for the weights; where it rounds to 0 or 1, s is below the last digit of the sum anyway.
// Expect: pass
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function hvp(X: Matrix, _y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const Xw = matVec(X, w);
  const Xv = matVec(X, v);
  const r = Xw.map((z, i) => {
    const p = 1 / (1 + Math.exp(-z));
    return p * (1 - p) * Xv[i];
  });
  return matTVec(X, r).map((x) => x / n);
}
