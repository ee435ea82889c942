// Right: the linear solver in a helper module of the student's own.
// Expect: pass
import { lossAndGrad } from './03-loss-and-grad';
import { hvp } from './05-hvp';
import type { Matrix, Vector } from './lab';
import { solveLinear } from './solver';

const unit = (d: number, j: number) => Array.from({ length: d }, (_, k) => (k === j ? 1 : 0));
const hessian = (X: Matrix, y: Vector, w: Vector) => w.map((_, j) => hvp(X, y, w, unit(w.length, j)));

export function newtonStep(X: Matrix, y: Vector, w: Vector): Vector {
  const { grad } = lossAndGrad(X, y, w);
  const s = solveLinear(hessian(X, y, w), grad);
  return w.map((wj, j) => wj - s[j]);
}
