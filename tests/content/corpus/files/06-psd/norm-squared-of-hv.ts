// Wrong: (Hv)·(Hv), always ≥ 0 but not the curvature.
// Expect: fail, mistake norm-not-quadratic
import { hvp } from './05-hvp';
import { dot, type Matrix, type Vector } from './lab';

export function vHv(X: Matrix, y: Vector, w: Vector, v: Vector): number {
  const Hv = hvp(X, y, w, v);
  return dot(Hv, Hv);
}
