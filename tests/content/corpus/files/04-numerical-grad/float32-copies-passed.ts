// Wrong: the perturbed points built in Float32Arrays and passed to f as they are, so f sees w rounded to float32 and a tiny ε vanishes.
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  return w.map((_, i) => {
    const plus = Float32Array.from(w);
    const minus = Float32Array.from(w);
    plus[i] += eps;
    minus[i] -= eps;
    return (f(plus as unknown as Vector) - f(minus as unknown as Vector)) / (2 * eps);
  });
}
