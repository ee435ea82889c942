// Right: Float64Array buffers throughout.
// Expect: pass
import { sigmoid } from './01-sigmoid';
import { dot, type Matrix, type Vector } from './lab';

export function hvp(X: Matrix, _y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const out = new Float64Array(w.length);
  const p = sigmoid(X.map((row) => dot(row, w)));
  for (let i = 0; i < n; i++) {
    const r = (p[i] * (1 - p[i]) * dot(X[i], v)) / n;
    for (let j = 0; j < out.length; j++) out[j] += X[i][j] * r;
  }
  return out as unknown as Vector;
}
