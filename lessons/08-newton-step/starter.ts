// Task 4.1, bonus: one Newton step.
//
// Goal: return the NEW weights after one Newton step:
//
//   w_new = w − s,   where s solves  H·s = ∇L
//   H = XᵀSX/n (your hvp, task 3.1),  ∇L = Xᵀ(p − y)/n (your lossAndGrad, task 2.2)
//
// Shapes: X is n×d, y has n labels, w has d entries; return d numbers.
//
// HINT:
// - Do not invert H: solve the d×d system H·s = ∇L.
// - Column j of H is H·eⱼ (eⱼ = 1 at j, 0 elsewhere): `import { hvp } from './05-hvp'`.
// - Solve with Gaussian elimination (partial pivoting) or Cholesky, or use conjugate
//   gradients, which needs only hvp and never builds H.
// - `import { lossAndGrad } from './03-loss-and-grad'` for ∇L.
import type { Matrix, Vector } from './lab';

export function newtonStep(X: Matrix, y: Vector, w: Vector): Vector {
  throw new Error('TODO: solve H·s = ∇L and return w − s');
}
