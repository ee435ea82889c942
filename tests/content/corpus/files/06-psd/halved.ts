// Wrong: half of vᵀHv, mixed up with the ½sᵀHs of the quadratic model.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { type Matrix, matVec, type Vector } from './lab';

export function vHv(X: Matrix, y: Vector, w: Vector, v: Vector): number {
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  let total = 0;
  for (let i = 0; i < X.length; i++) {
    const s = p[i] * (1 - p[i]);
    const u = Xv[i];
    total += s * u * u;
  }
  return (0.5 * total) / X.length;
}
