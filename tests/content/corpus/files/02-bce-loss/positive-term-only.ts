// Wrong: only −y·log p, forgetting the negatives' term.
// Expect: fail, mistake one-term
import type { Vector } from './lab';

export function bceLoss(y: Vector, p: Vector): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) total -= y[i] * Math.log(Math.max(p[i], 1e-12));
  return total / y.length;
}
