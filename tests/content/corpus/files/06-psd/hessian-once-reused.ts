// Wrong: builds H on the first call and keeps it for every later dataset and w of the same size.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { type Matrix, matVec, type Vector } from './lab';

let H: number[][] | undefined;

export function vHv(X: Matrix, y: Vector, w: Vector, v: Vector): number {
  const d = w.length;
  if (!H || H.length !== d) {
    const p = sigmoid(matVec(X, w));
    H = Array.from({ length: d }, (_, a) =>
      Array.from({ length: d }, (_, b) => X.reduce((s, row, i) => s + p[i] * (1 - p[i]) * row[a] * row[b], 0) / X.length),
    );
  }
  const Hv = matVec(H, v);
  return v.reduce((s, vj, j) => s + vj * Hv[j], 0);
}
