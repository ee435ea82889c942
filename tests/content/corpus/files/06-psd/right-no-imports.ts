// Right: no imports but the types: its own two-branch σ and one loop over the rows.
// Expect: pass
import type { Matrix, Vector } from './lab';

export function vHv(X: Matrix, _y: Vector, w: Vector, v: Vector): number {
  let total = 0;
  for (const row of X) {
    let z = 0;
    let u = 0;
    for (let j = 0; j < w.length; j++) {
      z += row[j] * w[j];
      u += row[j] * v[j];
    }
    const e = Math.exp(-Math.abs(z));
    const s = e / ((1 + e) * (1 + e));
    total += s * u * u;
  }
  return total / X.length;
}
