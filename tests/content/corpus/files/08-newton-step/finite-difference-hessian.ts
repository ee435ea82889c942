// Wrong: H from forward differences of the gradient, (∇L(w + 1e−3·eⱼ) − ∇L(w))/1e−3, an approximate Hessian off by O(1e−3).
// Expect: fail, no mistake named
import { lossAndGrad } from './03-loss-and-grad';
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


export function newtonStep(X: Matrix, y: Vector, w: Vector): Vector {
  const h = 1e-3;
  const { grad } = lossAndGrad(X, y, w);
  const H = w.map((_, j) => {
    const moved = [...w];
    moved[j] += h;
    const g2 = lossAndGrad(X, y, moved).grad;
    return g2.map((gk, k) => (gk - grad[k]) / h);
  });
  const s = solve(H, grad);
  return w.map((wj, j) => wj - s[j]);
}
