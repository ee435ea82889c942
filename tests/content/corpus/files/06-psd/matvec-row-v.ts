// Wrong: vᵀ(Hv) as a 1×d matrix times H·v (numpy's v[None] @ Hv): the right number, wrapped in a one-element array.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { hvp } from './05-hvp';
import { dot, type Matrix, matTVec, matVec, type Vector } from './lab';
// vᵀ(Hv) written as a 1×d matrix times a vector, as in numpy v[None, :] @ Hv
export function vHv(X: Matrix, y: Vector, w: Vector, v: Vector): number {
  return matVec([v], hvp(X, y, w, v)) as unknown as number;
}
