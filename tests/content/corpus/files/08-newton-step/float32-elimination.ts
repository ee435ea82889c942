// Wrong: stores H in Float32Arrays "to save memory" and eliminates in float32, so a badly conditioned H loses the step.
// Expect: fail, no mistake named
import { lossAndGrad } from './03-loss-and-grad';
import { hvp } from './05-hvp';
import type { Matrix, Vector } from './lab';

const unit = (d: number, j: number) => Array.from({ length: d }, (_, k) => (k === j ? 1 : 0));

export function newtonStep(X: Matrix, y: Vector, w: Vector): Vector {
  const d = w.length;
  const { grad } = lossAndGrad(X, y, w);
  const M = w.map((_, j) => {
    const row = new Float32Array(d + 1);
    row.set(hvp(X, y, w, unit(d, j)));
    row[d] = grad[j];
    return row;
  });
  for (let c = 0; c < d; c++) {
    let piv = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(M[r][c]) > Math.abs(M[piv][c])) piv = r;
    [M[c], M[piv]] = [M[piv], M[c]];
    for (let r = c + 1; r < d; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= d; k++) M[r][k] -= f * M[c][k];
    }
  }
  const s = new Float32Array(d);
  for (let r = d - 1; r >= 0; r--) {
    let acc = M[r][d];
    for (let k = r + 1; k < d; k++) acc -= M[r][k] * s[k];
    s[r] = acc / M[r][r];
  }
  return w.map((wj, j) => wj - s[j]);
}
