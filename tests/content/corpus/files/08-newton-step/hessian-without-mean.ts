// Wrong: builds H = XᵀSX by hand without the 1/n, with the averaged gradient.
// Expect: fail, mistake step-n-times-short
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
  const { grad } = lossAndGrad(X, y, w);
  const p = sigmoid(matVec(X, w));
  const d = w.length;
  const H = Array.from({ length: d }, (_, a) =>
    Array.from({ length: d }, (_, b) => X.reduce((s, row, i) => s + p[i] * (1 - p[i]) * row[a] * row[b], 0)),
  );
  const s = solve(H, grad);
  return w.map((wj, j) => wj - s[j]);
}
