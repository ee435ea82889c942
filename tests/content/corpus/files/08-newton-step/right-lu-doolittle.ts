// Right: an LU factorisation with partial pivoting (PA = LU), stored in one Float64Array.
// Expect: pass
import { lossAndGrad } from './03-loss-and-grad';
import { hvp } from './05-hvp';
import type { Matrix, Vector } from './lab';

const unit = (d: number, j: number) => Array.from({ length: d }, (_, k) => (k === j ? 1 : 0));
const hessian = (X: Matrix, y: Vector, w: Vector) => w.map((_, j) => hvp(X, y, w, unit(w.length, j)));

function luSolve(A: number[][], b: number[]): number[] {
  const d = b.length;
  const a = new Float64Array(d * d);
  A.forEach((row, i) => row.forEach((v, j) => (a[i * d + j] = v)));
  const perm = Array.from({ length: d }, (_, i) => i);
  for (let c = 0; c < d; c++) {
    let piv = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(a[r * d + c]) > Math.abs(a[piv * d + c])) piv = r;
    if (piv !== c) {
      for (let k = 0; k < d; k++) [a[c * d + k], a[piv * d + k]] = [a[piv * d + k], a[c * d + k]];
      [perm[c], perm[piv]] = [perm[piv], perm[c]];
    }
    for (let r = c + 1; r < d; r++) {
      a[r * d + c] /= a[c * d + c];
      for (let k = c + 1; k < d; k++) a[r * d + k] -= a[r * d + c] * a[c * d + k];
    }
  }
  const x = perm.map((p) => b[p]);
  for (let i = 0; i < d; i++) for (let k = 0; k < i; k++) x[i] -= a[i * d + k] * x[k];
  for (let i = d - 1; i >= 0; i--) {
    for (let k = i + 1; k < d; k++) x[i] -= a[i * d + k] * x[k];
    x[i] /= a[i * d + i];
  }
  return x;
}

export function newtonStep(X: Matrix, y: Vector, w: Vector): Vector {
  const { grad } = lossAndGrad(X, y, w);
  const s = luSolve(hessian(X, y, w), grad);
  return w.map((wj, j) => wj - s[j]);
}
