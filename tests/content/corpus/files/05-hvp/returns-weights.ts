// Wrong: returns the weights s = p(1 − p), one per example; v and Xᵀ never used.
// Expect: fail, mistake wrong-length
import { sigmoid } from './01-sigmoid';
import { type Matrix, matVec, type Vector } from './lab';
export function hvp(X: Matrix, _y: Vector, w: Vector, _v: Vector): Vector {
  return sigmoid(matVec(X, w)).map((p) => p * (1 - p));
}
