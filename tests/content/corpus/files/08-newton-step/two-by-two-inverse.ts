// Wrong: inverts H with the 2×2 formula [[d, −b], [−c, a]]/(ad − bc) from the notes, which only holds when d = 2.
// Expect: fail, no mistake named
import { lossAndGrad } from './03-loss-and-grad';
import { hvp } from './05-hvp';
import type { Matrix, Vector } from './lab';

const unit = (d: number, j: number) => Array.from({ length: d }, (_, k) => (k === j ? 1 : 0));

export function newtonStep(X: Matrix, y: Vector, w: Vector): Vector {
  const { grad } = lossAndGrad(X, y, w);
  const H = w.map((_, j) => hvp(X, y, w, unit(w.length, j)));
  const a = H[0][0];
  const b = H[0][1] ?? 0;
  const c = H[1]?.[0] ?? 0;
  const dd = H[1]?.[1] ?? 1;
  const det = a * dd - b * c;
  const s0 = (dd * grad[0] - b * (grad[1] ?? 0)) / det;
  const s1 = (-c * grad[0] + a * (grad[1] ?? 0)) / det;
  return w.map((wj, j) => wj - (j === 0 ? s0 : j === 1 ? s1 : 0));
}
