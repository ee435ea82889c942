// Right: the weights as σ(z)·σ(−z), which never cancels.
// Expect: pass
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const z = matVec(X, w);
  const a = sigmoid(z);
  const b = sigmoid(z.map((zi) => -zi));
  const Xv = matVec(X, v);
  return matTVec(X, Xv.map((u, i) => a[i] * b[i] * u)).map((g) => g / X.length);
}
