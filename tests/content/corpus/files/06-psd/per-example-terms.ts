// Wrong: returns the n per-example terms sᵢ(xᵢ·v)²/n, the sum forgotten (not H·v).
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { hvp } from './05-hvp';
import { dot, type Matrix, matTVec, matVec, type Vector } from './lab';
export function vHv(X: Matrix, _y: Vector, w: Vector, v: Vector): number {
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  return p.map((pi, i) => (pi * (1 - pi) * Xv[i] ** 2) / X.length) as unknown as number;
}
