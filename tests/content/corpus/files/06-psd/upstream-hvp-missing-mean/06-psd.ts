// Wrong: in task 3.1, not here: the reference vHv, with the student's own 05-hvp returning XᵀSXv without the 1/n.
// Expect: fail, mistake missing-mean
// Task 3.2: the curvature along v, vᵀHv, from the Hessian-vector product of task 3.1.
import { hvp } from './05-hvp';
import { dot, type Matrix, type Vector } from './lab';

export function vHv(X: Matrix, y: Vector, w: Vector, v: Vector): number {
  // Equal to (1/n)·Σᵢ pᵢ(1 − pᵢ)·(xᵢ·v)², which is why it is never negative.
  return dot(v, hvp(X, y, w, v));
}
