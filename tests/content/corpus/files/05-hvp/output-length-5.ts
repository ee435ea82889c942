// Wrong: the result buffer has 5 entries, the d of the notebook's dataset, whatever w.length is.
// Expect: fail, mistake wrong-length
import { sigmoid } from './01-sigmoid';
import { type Matrix, matVec, type Vector } from './lab';

export function hvp(X: Matrix, _y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  const out = [0, 0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const r = p[i] * (1 - p[i]) * Xv[i];
    for (let j = 0; j < 5; j++) out[j] += (X[i][j] * r) / n;
  }
  return out;
}
