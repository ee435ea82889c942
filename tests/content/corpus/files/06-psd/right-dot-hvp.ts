// Right: v·(Hv) with an own dot loop over the hvp of task 3.1.
// Expect: pass
import { hvp } from './05-hvp';
import type { Matrix, Vector } from './lab';

export function vHv(X: Matrix, y: Vector, w: Vector, v: Vector): number {
  const Hv = hvp(X, y, w, v);
  let total = 0;
  for (let j = 0; j < v.length; j++) total += v[j] * Hv[j];
  return total;
}
