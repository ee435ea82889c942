// Right: ‖√s ⊙ Xv‖²/n with reduce.
// Expect: pass
import { sigmoid } from './01-sigmoid';
import { type Matrix, matVec, type Vector } from './lab';

export function vHv(X: Matrix, _y: Vector, w: Vector, v: Vector): number {
  const p = sigmoid(matVec(X, w));
  const scaled = matVec(X, v).map((u, i) => Math.sqrt(p[i] * (1 - p[i])) * u);
  return scaled.reduce((s, t) => s + t * t, 0) / X.length;
}
