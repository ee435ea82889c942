// Wrong: the Rayleigh quotient vᵀHv/‖v‖² ("curvature along the unit direction"), not vᵀHv.
// Expect: fail, no mistake named
import { hvp } from './05-hvp';
import { dot, type Matrix, type Vector } from './lab';

export function vHv(X: Matrix, y: Vector, w: Vector, v: Vector): number {
  const vv = dot(v, v);
  return vv === 0 ? 0 : dot(v, hvp(X, y, w, v)) / vv;
}
