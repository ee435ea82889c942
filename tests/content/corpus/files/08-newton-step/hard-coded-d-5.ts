// Wrong: builds and solves a 5×5 system, the d of the notebook's dataset, whatever w.length is.
// Expect: fail, mistake wrong-length
import { lossAndGrad } from './03-loss-and-grad';
import { hvp } from './05-hvp';
import type { Matrix, Vector } from './lab';

function solve5(A: number[][], b: number[]): number[] {
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < 5; c++) {
    for (let r = c + 1; r < 5; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= 5; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = [0, 0, 0, 0, 0];
  for (let r = 4; r >= 0; r--) {
    let s = M[r][5];
    for (let k = r + 1; k < 5; k++) s -= M[r][k] * x[k];
    x[r] = s / M[r][r];
  }
  return x;
}

export function newtonStep(X: Matrix, y: Vector, w: Vector): Vector {
  const { grad } = lossAndGrad(X, y, w);
  const H: number[][] = [];
  for (let j = 0; j < 5; j++) H.push(hvp(X, y, w, w.map((_, k) => (k === j ? 1 : 0))).slice(0, 5));
  const s = solve5(H, grad.slice(0, 5));
  return s.map((sj, j) => w[j] - sj);
}
