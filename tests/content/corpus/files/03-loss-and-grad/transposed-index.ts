// Wrong: zᵢ = Σⱼ X[j][i]·wⱼ, the indices of X swapped, which only runs when X is square (and is then Xᵀw).
// Expect: fail, no mistake named
import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const n = X.length;
  const z: Vector = [];
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < w.length; j++) s += X[j][i] * w[j];
    z.push(s);
  }
  const p = sigmoid(z);
  const grad = matTVec(
    X,
    p.map((pi, i) => pi - y[i]),
  ).map((g) => g / n);
  return { loss: bceLoss(y, p), grad };
}
