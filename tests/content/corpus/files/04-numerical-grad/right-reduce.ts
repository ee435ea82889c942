// Right: built with reduce into a new array.
// Expect: pass
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  return w.reduce<number[]>((grad, _, i) => {
    const plus = [...w];
    const minus = [...w];
    plus[i] += eps;
    minus[i] -= eps;
    grad.push((f(plus) - f(minus)) / (2 * eps));
    return grad;
  }, []);
}
