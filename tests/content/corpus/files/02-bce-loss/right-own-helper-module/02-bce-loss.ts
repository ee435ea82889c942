// Right: clipping and the mean from a helper module of the student's own.
// Expect: pass
import type { Vector } from './lab';
import { clip, mean } from './stats';

export function bceLoss(y: Vector, p: Vector): number {
  return mean(
    y.map((yi, i) => {
      const q = clip(p[i], 1e-12, 1 - 1e-12);
      return -(yi * Math.log(q) + (1 - yi) * Math.log(1 - q));
    }),
  );
}
