// Wrong: the sum of the entries of H·v (1ᵀHv) instead of v·(Hv).
// Expect: fail, no mistake named
import { hvp } from './05-hvp';
import type { Matrix, Vector } from './lab';

export function vHv(X: Matrix, y: Vector, w: Vector, v: Vector): number {
  return hvp(X, y, w, v).reduce((a, b) => a + b, 0);
}
