// Wrong: returns √(vᵀHv), "the curvature as a length, like a norm".
// Expect: fail, no mistake named
import { hvp } from './05-hvp';
import { dot, type Matrix, type Vector } from './lab';

export function vHv(X: Matrix, y: Vector, w: Vector, v: Vector): number {
  return Math.sqrt(dot(v, hvp(X, y, w, v)));
}
