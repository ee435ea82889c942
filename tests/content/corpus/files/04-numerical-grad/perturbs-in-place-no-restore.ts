// Wrong: nudges w[i] up and down in place to save copies, and never puts it back (each entry ends ε low).
// Expect: fail, mistake mutates-argument
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  const grad: number[] = [];
  for (let i = 0; i < w.length; i++) {
    w[i] += eps;
    const fPlus = f(w);
    w[i] -= 2 * eps;
    const fMinus = f(w);
    grad.push((fPlus - fMinus) / (2 * eps));
  }
  return grad;
}
