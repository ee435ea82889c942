// Wrong: returns H·v from the hvp of task 3.1, forgetting the dot with v.
// Expect: fail, mistake returns-vector
import { hvp } from './05-hvp';
import type { Matrix, Vector } from './lab';

export function vHv(X: Matrix, y: Vector, w: Vector, v: Vector): number {
  return hvp(X, y, w, v) as unknown as number;
}
