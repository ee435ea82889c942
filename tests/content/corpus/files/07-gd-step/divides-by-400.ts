// Wrong: its own gradient divided by 400, the n of the notebook's dataset, instead of X.length.
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const p = sigmoid(matVec(X, w));
  const g = matTVec(
    X,
    p.map((pi, i) => pi - y[i]),
  );
  return w.map((wj, j) => wj - (lr * g[j]) / 400);
}
