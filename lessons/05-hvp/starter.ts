// Task 3.1: Hessian-vector product (HVP).
//
// Goal: return H·v, where H = (1/n)·Xᵀ S X is the Hessian of the mean log-loss at w and
// S = diag(p(1 − p)) with p = σ(Xw), without building the d×d matrix H.
//
//   H·v = (1/n) · Xᵀ( s ⊙ (X v) ),   sᵢ = pᵢ(1 − pᵢ)
//
// Shapes: X is n×d, w and v have d entries; the result has d entries. y is not needed.
//
// HINT:
// - s = p*(1-p)
// - compute Xv, then multiply by s, then by Xᵀ (and divide by n)
// - `import { sigmoid } from './01-sigmoid'` and `matVec`, `matTVec` from './lab' help.
//
// Think about it: why does y not appear in the Hessian?
import type { Matrix, Vector } from './lab';

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  throw new Error('TODO: compute H·v without building H');
}
