// Wrong: wᵀHv, the dot taken with the weights instead of the direction.
// Expect: fail, no mistake named
import { hvp } from './05-hvp';
import { dot, type Matrix, type Vector } from './lab';

export function vHv(X: Matrix, y: Vector, w: Vector, v: Vector): number {
  return dot(w, hvp(X, y, w, v));
}
