// Right: H = XᵀSX/n built by hand with loops (not from hvp), then Gaussian elimination.
// Expect: pass
import { sigmoid } from './01-sigmoid';
import { lossAndGrad } from './03-loss-and-grad';
import { type Matrix, matVec, type Vector } from './lab';

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

export function newtonStep(X: Matrix, y: Vector, w: Vector): Vector {
  const n = X.length;
  const d = w.length;
  const { grad } = lossAndGrad(X, y, w);
  const p = sigmoid(matVec(X, w));
  const H = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < n; i++) {
    const s = (p[i] * (1 - p[i])) / n;
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) H[a][b] += s * X[i][a] * X[i][b];
  }
  const step = solve(H, grad);
  return w.map((wj, j) => wj - step[j]);
}
