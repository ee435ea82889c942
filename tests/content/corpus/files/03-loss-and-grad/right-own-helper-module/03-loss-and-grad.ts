// Right: linear algebra from a helper module of the student's own.
// Expect: pass
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import type { Matrix, Vector } from './lab';
import { scale, sub, transposeTimes, times } from './linalg';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const p = sigmoid(times(X, w));
  return { loss: bceLoss(y, p), grad: scale(transposeTimes(X, sub(p, y)), 1 / X.length) };
}
