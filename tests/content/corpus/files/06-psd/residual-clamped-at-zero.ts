// Wrong: residual weights p − y, then negative results clamped to 0 "since curvature cannot be negative".
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { type Matrix, matVec, type Vector } from './lab';

export function vHv(X: Matrix, y: Vector, w: Vector, v: Vector): number {
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  let total = 0;
  for (let i = 0; i < X.length; i++) {
    const s = p[i] - y[i];
    const u = Xv[i];
    total += s * u * u;
  }
  return Math.max(0, total / X.length);
}
