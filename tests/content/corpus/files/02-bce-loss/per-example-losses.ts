// Wrong: returns the per-example losses (the "reduction='none'" of a framework).
// Expect: fail, mistake returns-vector
import type { Vector } from './lab';

export function bceLoss(y: Vector, p: Vector): number {
  return y.map((yi, i) => {
    const q = Math.min(Math.max(p[i], 1e-12), 1 - 1e-12);
    return -(yi * Math.log(q) + (1 - yi) * Math.log(1 - q));
  }) as unknown as number;
}
