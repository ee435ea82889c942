// Wrong: one copy of w made before the loop, entry i never put back, so perturbations pile up.
// Expect: fail, mistake leftover-perturbation
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  const x = [...w];
  const grad: number[] = [];
  for (let i = 0; i < w.length; i++) {
    x[i] = w[i] + eps;
    const up = f(x);
    x[i] -= 2 * eps;
    const down = f(x);
    grad.push((up - down) / (2 * eps));
  }
  return grad;
}
