// Right: inverts H by Gauss–Jordan with partial pivoting, then multiplies.
// Expect: pass
import { lossAndGrad } from './03-loss-and-grad';
import { hvp } from './05-hvp';
import type { Matrix, Vector } from './lab';

const unit = (d: number, j: number) => Array.from({ length: d }, (_, k) => (k === j ? 1 : 0));
const hessian = (X: Matrix, y: Vector, w: Vector) => w.map((_, j) => hvp(X, y, w, unit(w.length, j)));

function inverse(A: number[][]): number[][] {
  const d = A.length;
  const M = A.map((row, i) => [...row, ...Array.from({ length: d }, (_, k) => (k === i ? 1 : 0))]);
  for (let c = 0; c < d; c++) {
    let piv = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(M[r][c]) > Math.abs(M[piv][c])) piv = r;
    [M[c], M[piv]] = [M[piv], M[c]];
    const lead = M[c][c];
    for (let k = 0; k < 2 * d; k++) M[c][k] /= lead;
    for (let r = 0; r < d; r++) {
      if (r === c) continue;
      const f = M[r][c];
      for (let k = 0; k < 2 * d; k++) M[r][k] -= f * M[c][k];
    }
  }
  return M.map((row) => row.slice(d));
}

export function newtonStep(X: Matrix, y: Vector, w: Vector): Vector {
  const { grad } = lossAndGrad(X, y, w);
  const Hinv = inverse(hessian(X, y, w));
  return w.map((wj, j) => wj - Hinv[j].reduce((s, h, k) => s + h * grad[k], 0));
}
