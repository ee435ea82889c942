// Right: builds Xᵀ as a d×n matrix once and takes the gradient as Xᵀ·r with the lab's matVec.
// Expect: pass
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matVec, type Vector } from './lab';

function transpose(X: Matrix, d: number): Matrix {
  return Array.from({ length: d }, (_, j) => X.map((row) => row[j]));
}

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  const r = p.map((pi, i) => (pi - y[i]) / n);
  return { loss: bceLoss(y, p), grad: matVec(transpose(X, w.length), r) };
}
