// Right: the lab's dot, with H·v as its first argument.
// Expect: pass
import { hvp } from './05-hvp';
import { dot, type Matrix, type Vector } from './lab';

export function vHv(X: Matrix, y: Vector, w: Vector, v: Vector): number {
  return dot(hvp(X, y, w, v), v);
}
