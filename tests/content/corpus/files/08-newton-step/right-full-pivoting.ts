// Right: Gaussian elimination with full pivoting (largest entry of the remaining block), unknowns permuted back at the end.
// Expect: pass
import { lossAndGrad } from './03-loss-and-grad';
import { hvp } from './05-hvp';
import type { Matrix, Vector } from './lab';

const unit = (d: number, j: number) => Array.from({ length: d }, (_, k) => (k === j ? 1 : 0));

function solveFullPivot(A: number[][], b: number[]): number[] {
  const d = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  const order = Array.from({ length: d }, (_, j) => j);
  for (let c = 0; c < d; c++) {
    let pr = c;
    let pc = c;
    for (let r = c; r < d; r++)
      for (let k = c; k < d; k++) if (Math.abs(M[r][k]) > Math.abs(M[pr][pc])) [pr, pc] = [r, k];
    [M[c], M[pr]] = [M[pr], M[c]];
    if (pc !== c) {
      for (const row of M) [row[c], row[pc]] = [row[pc], row[c]];
      [order[c], order[pc]] = [order[pc], order[c]];
    }
    for (let r = c + 1; r < d; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= d; k++) M[r][k] -= f * M[c][k];
    }
  }
  const z = new Array<number>(d).fill(0);
  for (let r = d - 1; r >= 0; r--) {
    let s = M[r][d];
    for (let k = r + 1; k < d; k++) s -= M[r][k] * z[k];
    z[r] = s / M[r][r];
  }
  const x = new Array<number>(d).fill(0);
  for (let j = 0; j < d; j++) x[order[j]] = z[j];
  return x;
}

export function newtonStep(X: Matrix, y: Vector, w: Vector): Vector {
  const { grad } = lossAndGrad(X, y, w);
  const H = w.map((_, j) => hvp(X, y, w, unit(w.length, j)));
  const s = solveFullPivot(H, grad);
  return w.map((wj, j) => wj - s[j]);
}
