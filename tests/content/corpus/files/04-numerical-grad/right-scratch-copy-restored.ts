// Right: one scratch copy, entry i set from w and put back by assignment after each pair of calls.
// Expect: pass
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  const x = [...w];
  const grad = new Array<number>(w.length);
  for (let i = 0; i < w.length; i++) {
    x[i] = w[i] + eps;
    const up = f(x);
    x[i] = w[i] - eps;
    const down = f(x);
    x[i] = w[i];
    grad[i] = (up - down) / (2 * eps);
  }
  return grad;
}
