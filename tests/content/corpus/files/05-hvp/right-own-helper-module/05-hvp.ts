// Right: the products from a helper module of the student's own.
// Expect: pass
import { sigmoid } from './01-sigmoid';
import type { Matrix, Vector } from './lab';
import { hadamard, mulT, mul } from './linalg';

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const p = sigmoid(mul(X, w));
  const s = p.map((pi) => pi * (1 - pi));
  return mulT(X, hadamard(s, mul(X, v))).map((g) => g / X.length);
}
