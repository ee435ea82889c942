// Right: X copied once into its columns, then (Hv)ⱼ = Σᵢ X[i][j]·rᵢ/n as a dot product per column.
// Expect: pass
import { sigmoid } from './01-sigmoid';
import { dot, type Matrix, matVec, type Vector } from './lab';

export function hvp(X: Matrix, _y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const columns = w.map((_, j) => X.map((row) => row[j]));
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  const r = p.map((pi, i) => (pi * (1 - pi) * Xv[i]) / n);
  return columns.map((col) => dot(col, r));
}
