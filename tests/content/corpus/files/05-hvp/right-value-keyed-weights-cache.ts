// Right: caches s = p(1 − p) keyed by the values of X and w (a string of them), so a new w or X recomputes.
// Expect: pass
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

let cached: { key: string; s: Vector } | undefined;

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const key = JSON.stringify([X, w]);
  if (!cached || cached.key !== key) {
    cached = { key, s: sigmoid(matVec(X, w)).map((pi) => pi * (1 - pi)) };
  }
  const s = cached.s;
  const Xv = matVec(X, v);
  return matTVec(X, Xv.map((u, i) => s[i] * u)).map((g) => g / X.length);
}
