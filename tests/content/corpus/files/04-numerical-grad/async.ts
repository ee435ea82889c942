// Wrong: async, awaiting f as if it were a model call.
// Expect: fail, mistake returns-promise
import type { Vector } from './lab';

export async function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Promise<Vector> {
  const grad: number[] = [];
  for (let i = 0; i < w.length; i++) {
    const plus = [...w];
    const minus = [...w];
    plus[i] += eps;
    minus[i] -= eps;
    grad.push(((await f(plus)) - (await f(minus))) / (2 * eps));
  }
  return grad;
}
