// Wrong: memoizes the whole gradient per function f ("the gradient check calls it again and again"), so a new w gets the old answer.
// Expect: fail, no mistake named
import type { Vector } from './lab';

const memo = new WeakMap<object, Vector>();

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  const hit = memo.get(f);
  if (hit) return [...hit];
  const grad = w.map((_, i) => {
    const plus = [...w];
    const minus = [...w];
    plus[i] += eps;
    minus[i] -= eps;
    return (f(plus) - f(minus)) / (2 * eps);
  });
  memo.set(f, grad);
  return [...grad];
}
