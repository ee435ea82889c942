// Wrong: falls back to a gradient step when the Newton step is longer than 10 ("it must have blown up"), which on separable data is the normal case.
// Expect: fail, no mistake named
import { lossAndGrad } from './03-loss-and-grad';
import { hvp } from './05-hvp';
import type { Matrix, Vector } from './lab';

function solve(A: number[][], b: number[]): number[] {
  const d = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < d; c++) {
    let piv = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(M[r][c]) > Math.abs(M[piv][c])) piv = r;
    [M[c], M[piv]] = [M[piv], M[c]];
    for (let r = c + 1; r < d; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= d; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array<number>(d).fill(0);
  for (let r = d - 1; r >= 0; r--) {
    let s = M[r][d];
    for (let k = r + 1; k < d; k++) s -= M[r][k] * x[k];
    x[r] = s / M[r][r];
  }
  return x;
}

const unit = (d: number, j: number) => Array.from({ length: d }, (_, k) => (k === j ? 1 : 0));
const hessian = (X: Matrix, y: Vector, w: Vector) => w.map((_, j) => hvp(X, y, w, unit(w.length, j)));

export function newtonStep(X: Matrix, y: Vector, w: Vector): Vector {
  const { grad } = lossAndGrad(X, y, w);
  const s = solve(hessian(X, y, w), grad);
  const length = Math.sqrt(s.reduce((acc, sj) => acc + sj * sj, 0));
  if (!(length <= 10)) return w.map((wj, j) => wj - grad[j]);
  return w.map((wj, j) => wj - s[j]);
}
