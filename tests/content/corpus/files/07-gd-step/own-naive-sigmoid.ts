// Wrong: an inline e^z/(1 + e^z), NaN once |z| passes 709.
// Expect: fail, mistake unstable-sigmoid
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const p = matVec(X, w).map((z) => Math.exp(z) / (1 + Math.exp(z)));
  const grad = matTVec(X, p.map((pi, i) => pi - y[i])).map((g) => g / X.length);
  return w.map((wj, j) => wj - lr * grad[j]);
}
