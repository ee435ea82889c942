// Right: σ′(z) = e^(−|z|)/(1 + e^(−|z|))², stable for any z.
// Expect: pass
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function hvp(X: Matrix, _y: Vector, w: Vector, v: Vector): Vector {
  const s = matVec(X, w).map((z) => {
    const e = Math.exp(-Math.abs(z));
    return e / (1 + e) ** 2;
  });
  const Xv = matVec(X, v);
  return matTVec(X, s.map((si, i) => si * Xv[i])).map((g) => g / X.length);
}
