// Wrong: standardizes each column of X in place before computing, "features should be scaled", so the caller's X changes.
// Expect: fail, mistake mutates-argument
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const n = X.length;
  for (let j = 0; j < w.length; j++) {
    let mean = 0;
    for (const row of X) mean += row[j] / n;
    let sq = 0;
    for (const row of X) sq += (row[j] - mean) ** 2 / n;
    const sd = Math.sqrt(sq) || 1;
    for (const row of X) row[j] = (row[j] - mean) / sd;
  }
  const p = sigmoid(matVec(X, w));
  const grad = matTVec(
    X,
    p.map((pi, i) => pi - y[i]),
  ).map((g) => g / n);
  return { loss: bceLoss(y, p), grad };
}
