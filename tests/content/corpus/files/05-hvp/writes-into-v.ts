// Wrong: reuses v as the output buffer ("it has the right length"), so the caller's v comes back holding H·v.
// Expect: fail, mistake mutates-argument
import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function hvp(X: Matrix, _y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  const g = matTVec(
    X,
    p.map((pi, i) => pi * (1 - pi) * Xv[i]),
  );
  for (let j = 0; j < v.length; j++) v[j] = g[j] / n;
  return v;
}
