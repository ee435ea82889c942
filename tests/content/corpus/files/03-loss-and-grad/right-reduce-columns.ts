// Right: the gradient column by column with reduce.
// Expect: pass
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  const grad = w.map((_, j) => X.reduce((s, row, i) => s + row[j] * (p[i] - y[i]), 0) / n);
  return { loss: bceLoss(y, p), grad };
}
