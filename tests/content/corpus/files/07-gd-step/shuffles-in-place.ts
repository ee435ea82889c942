// Wrong: shuffles the rows of X and y in place first ("as in SGD"); the full-batch gradient is the same, but the caller's data is reordered.
// Expect: fail, mistake mutates-argument
import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

let seed = 12345;
function nextRandom(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  for (let i = X.length - 1; i > 0; i--) {
    const k = Math.floor(nextRandom() * (i + 1));
    [X[i], X[k]] = [X[k], X[i]];
    [y[i], y[k]] = [y[k], y[i]];
  }
  const { grad } = lossAndGrad(X, y, w);
  return w.map((wj, j) => wj - lr * grad[j]);
}
