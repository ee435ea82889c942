// Wrong: weights 1 − p instead of p(1 − p) (p and 1 − p agree only at w = 0).
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { lossAndGrad } from './03-loss-and-grad';
import { dot, type Matrix, matTVec, matVec, type Vector } from './lab';
export function hvp(X: Matrix, _y: Vector, w: Vector, v: Vector): Vector {
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  return matTVec(X, p.map((pi, i) => (1 - pi) * Xv[i])).map((x) => x / X.length);
}
