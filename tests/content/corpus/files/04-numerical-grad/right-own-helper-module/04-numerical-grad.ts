// Right: the shifted copies come from a helper module of the student's own.
// Expect: pass
import type { Vector } from './lab';
import { withEntry } from './vectors';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  return w.map((wi, i) => (f(withEntry(w, i, wi + eps)) - f(withEntry(w, i, wi - eps))) / (2 * eps));
}
