// Task 4.1: one step of gradient descent.
//
// Goal: return the NEW weights after one step against the gradient:
//
//   w_new = w − lr · ∇L(w),   ∇L = Xᵀ(p − y)/n,   p = σ(Xw)
//
// Shapes: X is n×d, y has n labels, w has d entries, lr is a number; return d numbers.
//
// HINT:
// - Get ∇L from your task 2.2: `import { lossAndGrad } from './03-loss-and-grad'`.
// - Minus, not plus: the gradient points uphill.
// - Return a new array; leave w as it was.
//
// FAANG gotcha: perfectly separable data can push weights to infinity; explain why.
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  throw new Error('TODO: return w − lr·∇L');
}
