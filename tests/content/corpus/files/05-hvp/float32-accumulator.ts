// Wrong: accumulates Xᵀ(s ⊙ Xv) in a Float32Array "to halve the memory", keeping about 7 digits.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { type Matrix, matVec, type Vector } from './lab';

export function hvp(X: Matrix, _y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  const acc = new Float32Array(w.length);
  for (let i = 0; i < n; i++) {
    const r = p[i] * (1 - p[i]) * Xv[i];
    for (let j = 0; j < w.length; j++) acc[j] += X[i][j] * r;
  }
  return Array.from(acc, (x) => x / n);
}
