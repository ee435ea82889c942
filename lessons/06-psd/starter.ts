// Task 3.2: empirical PSD check.
//
// Goal: return the single number vᵀHv, the curvature of the loss at w along v:
//
//   vᵀHv = v · (H v) = (1/n) · Σᵢ sᵢ·(xᵢ·v)²,   sᵢ = pᵢ(1 − pᵢ),   p = σ(Xw)
//
// It is ≥ 0 for every v (H is positive semi-definite), which is why the loss is convex.
//
// HINT:
// - Reuse your hvp: `import { hvp } from './05-hvp'`, then dot it with v (`dot` is in './lab').
// - Return one number, not the vector H·v.
//
// Think about it: why does PSD imply convexity?
import type { Matrix, Vector } from './lab';

export function vHv(X: Matrix, y: Vector, w: Vector, v: Vector): number {
  throw new Error('TODO: return vᵀHv, one number');
}
