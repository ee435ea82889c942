// Wrong: averages the positives and the negatives separately and returns the mean of the two (a class-balanced loss), not the mean over all examples.
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function bceLoss(y: Vector, p: Vector): number {
  const eps = 1e-12;
  let pos = 0;
  let neg = 0;
  let nPos = 0;
  let nNeg = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], eps), 1 - eps);
    if (y[i] === 1) {
      pos -= Math.log(q);
      nPos++;
    } else {
      neg -= Math.log(1 - q);
      nNeg++;
    }
  }
  if (nPos === 0) return neg / nNeg;
  if (nNeg === 0) return pos / nPos;
  return (pos / nPos + neg / nNeg) / 2;
}
