// Right: a while loop that builds each point with slice and concat around entry i.
// Expect: pass
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  const grad = new Array<number>(w.length);
  let i = 0;
  while (i < w.length) {
    const before = w.slice(0, i);
    const after = w.slice(i + 1);
    const up = f(before.concat([w[i] + eps], after));
    const down = f(before.concat([w[i] - eps], after));
    grad[i] = (up - down) / (2 * eps);
    i++;
  }
  return grad;
}
