// Wrong: perturbs w in place and restores it with w[i] += eps at the end (which does not always give the same double back).
// Expect: fail, mistake restore-drift
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  const grad: number[] = [];
  for (let i = 0; i < w.length; i++) {
    w[i] += eps;
    const up = f(w);
    w[i] -= 2 * eps;
    const down = f(w);
    w[i] += eps;
    grad.push((up - down) / (2 * eps));
  }
  return grad;
}
