// Wrong: the loop over examples runs to w.length (d) instead of X.length (n), n and d mixed up; the mean still divides by n.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { dot, type Matrix, type Vector } from './lab';

export function vHv(X: Matrix, _y: Vector, w: Vector, v: Vector): number {
  let total = 0;
  for (let i = 0; i < Math.min(w.length, X.length); i++) {
    const p = sigmoid([dot(X[i], w)])[0];
    const u = dot(X[i], v);
    total += p * (1 - p) * u * u;
  }
  return total / X.length;
}
