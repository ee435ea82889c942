// Right: each side evaluated through a small helper that builds w with entry i replaced.
// Expect: pass
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  return w.map((wi, i) => {
    const at = (value: number) => f(w.map((wk, k) => (k === i ? value : wk)));
    const up = at(wi + eps);
    const down = at(wi - eps);
    return (up - down) / (2 * eps);
  });
}
