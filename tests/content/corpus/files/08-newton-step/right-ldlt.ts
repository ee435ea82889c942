// Right: an LDLᵀ factorisation of the symmetric H (no square roots), then forward, diagonal and back solves.
// Expect: pass
import { lossAndGrad } from './03-loss-and-grad';
import { hvp } from './05-hvp';
import type { Matrix, Vector } from './lab';

const unit = (d: number, j: number) => Array.from({ length: d }, (_, k) => (k === j ? 1 : 0));

export function newtonStep(X: Matrix, y: Vector, w: Vector): Vector {
  const d = w.length;
  const { grad } = lossAndGrad(X, y, w);
  const H = w.map((_, j) => hvp(X, y, w, unit(d, j)));
  const L = Array.from({ length: d }, (_, i) => new Array<number>(d).fill(0));
  const D = new Array<number>(d).fill(0);
  for (let j = 0; j < d; j++) {
    let dj = H[j][j];
    for (let k = 0; k < j; k++) dj -= L[j][k] * L[j][k] * D[k];
    D[j] = dj;
    L[j][j] = 1;
    for (let i = j + 1; i < d; i++) {
      let lij = H[i][j];
      for (let k = 0; k < j; k++) lij -= L[i][k] * L[j][k] * D[k];
      L[i][j] = lij / dj;
    }
  }
  const z = new Array<number>(d).fill(0);
  for (let i = 0; i < d; i++) {
    let s = grad[i];
    for (let k = 0; k < i; k++) s -= L[i][k] * z[k];
    z[i] = s;
  }
  const x = z.map((zi, i) => zi / D[i]);
  for (let i = d - 1; i >= 0; i--) {
    for (let k = i + 1; k < d; k++) x[i] -= L[k][i] * x[k];
  }
  return w.map((wj, j) => wj - x[j]);
}
