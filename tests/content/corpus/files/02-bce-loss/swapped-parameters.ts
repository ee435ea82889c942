// Wrong: reads the parameters as (p, y), the order of sklearn's log_loss(y_pred…) misremembered.
// Expect: fail, mistake swapped-args
import type { Vector } from './lab';

export function bceLoss(p: Vector, y: Vector): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], 1e-12), 1 - 1e-12);
    total -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
  }
  return total / y.length;
}
