// Wrong: the loop runs to 5, the d of the notebook's dataset, instead of w.length.
// Expect: fail, mistake wrong-length
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  const grad: Vector = [];
  for (let i = 0; i < 5; i++) {
    const plus = [...w];
    const minus = [...w];
    plus[i] += eps;
    minus[i] -= eps;
    grad.push((f(plus) - f(minus)) / (2 * eps));
  }
  return grad;
}
