// Wrong: solves H·s = ∇L with 50 Jacobi iterations, which diverge or stall when H is not diagonally dominant.
// Expect: fail, no mistake named
import { lossAndGrad } from './03-loss-and-grad';
import { hvp } from './05-hvp';
import type { Matrix, Vector } from './lab';

const unit = (d: number, j: number) => Array.from({ length: d }, (_, k) => (k === j ? 1 : 0));

export function newtonStep(X: Matrix, y: Vector, w: Vector): Vector {
  const d = w.length;
  const { grad } = lossAndGrad(X, y, w);
  const H = w.map((_, j) => hvp(X, y, w, unit(d, j)));
  let s = new Array<number>(d).fill(0);
  for (let it = 0; it < 50; it++) {
    s = s.map((_, j) => {
      let off = 0;
      for (let k = 0; k < d; k++) if (k !== j) off += H[j][k] * s[k];
      return (grad[j] - off) / H[j][j];
    });
  }
  return w.map((wj, j) => wj - s[j]);
}
