// Wrong: ∇L from lossAndGrad divided by n once more (H from hvp is right): the step is n times too short.
// Expect: fail, mistake step-n-times-short
import { lossAndGrad } from './03-loss-and-grad';
import { hvp } from './05-hvp';
import { sigmoid } from './01-sigmoid';
import { dot, matVec, matTVec, type Matrix, type Vector } from './lab';
/** Solves A·x = b by Gaussian elimination with partial pivoting (A is d×d, left unchanged). */
function solve(A: Matrix, b: Vector): Vector {
  const d = b.length;
  // Work on a copy of the augmented matrix [A | b].
  const M = A.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < d; col++) {
    // Pivot on the largest entry left in this column, for accuracy.
    let pivot = col;
    for (let r = col + 1; r < d; r++) {
      if (Math.abs(M[r][col]) > Math.abs(M[pivot][col])) pivot = r;
    }
    [M[col], M[pivot]] = [M[pivot], M[col]];
    for (let r = col + 1; r < d; r++) {
      const factor = M[r][col] / M[col][col];
      for (let c = col; c <= d; c++) M[r][c] -= factor * M[col][c];
    }
  }
  // Back substitution.
  const x: Vector = new Array(d).fill(0);
  for (let r = d - 1; r >= 0; r--) {
    let sum = M[r][d];
    for (let c = r + 1; c < d; c++) sum -= M[r][c] * x[c];
    x[r] = sum / M[r][r];
  }
  return x;
}
const unit = (w: Vector, j: number) => w.map((_, k) => (k === j ? 1 : 0));

export function newtonStep(X: Matrix, y: Vector, w: Vector): Vector {
  const n = X.length;
  const { grad } = lossAndGrad(X, y, w);
  const H = w.map((_, j) => hvp(X, y, w, unit(w, j)));
  const s = solve(H, grad.map((g) => g / n));
  return w.map((wj, j) => wj - s[j]);
}
