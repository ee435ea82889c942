// Wrong: ‖Hv‖, the length of H·v.
// Expect: fail, mistake norm-not-quadratic
import { hvp } from './05-hvp';
import { dot, type Matrix, type Vector } from './lab';

export function vHv(X: Matrix, y: Vector, w: Vector, v: Vector): number {
  const Hv = hvp(X, y, w, v);
  return Math.sqrt(dot(Hv, Hv));
}
