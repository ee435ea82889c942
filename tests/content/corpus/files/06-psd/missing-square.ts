// Wrong: Σ sᵢ·(xᵢ·v)/n, the square missing.
// Expect: fail, mistake missing-square
import { sigmoid } from './01-sigmoid';
import { type Matrix, matVec, type Vector } from './lab';

export function vHv(X: Matrix, y: Vector, w: Vector, v: Vector): number {
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  let total = 0;
  for (let i = 0; i < X.length; i++) {
    const s = p[i] * (1 - p[i]);
    const u = Xv[i];
    total += s * u;
  }
  return total / X.length;
}
