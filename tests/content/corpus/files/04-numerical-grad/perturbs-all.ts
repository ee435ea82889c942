// Wrong: adds ε to every coordinate at once, then divides per entry.
// Expect: fail, mistake perturbs-all
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  const plus = w.map((wi) => wi + eps);
  const minus = w.map((wi) => wi - eps);
  const slope = (f(plus) - f(minus)) / (2 * eps);
  return w.map(() => slope);
}
