// Right: the gradient accumulated in a Float64Array.
// Expect: pass
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  const grad = new Float64Array(w.length);
  X.forEach((row, i) => {
    const r = p[i] - y[i];
    row.forEach((xij, j) => {
      grad[j] += (xij * r) / n;
    });
  });
  return { loss: bceLoss(y, p), grad: grad as unknown as Vector };
}
