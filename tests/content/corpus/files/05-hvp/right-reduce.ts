// Right: reduce over the rows into the d entries.
// Expect: pass
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  return X.reduce(
    (acc, row, i) => acc.map((a, j) => a + (row[j] * p[i] * (1 - p[i]) * Xv[i]) / n),
    new Array<number>(w.length).fill(0),
  );
}
