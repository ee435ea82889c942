// Right: conjugate gradients with hvp only, never building H, run to a tight tolerance.
// Expect: pass
import { lossAndGrad } from './03-loss-and-grad';
import { hvp } from './05-hvp';
import type { Matrix, Vector } from './lab';

const dot = (a: number[], b: number[]) => a.reduce((s, ai, i) => s + ai * b[i], 0);

export function newtonStep(X: Matrix, y: Vector, w: Vector): Vector {
  const { grad } = lossAndGrad(X, y, w);
  let s = w.map(() => 0);
  let r = [...grad];
  let p = [...r];
  let rr = dot(r, r);
  const stop = 1e-30 * Math.max(rr, 1e-300);
  for (let it = 0; it < 50 * w.length && rr > stop; it++) {
    const Hp = hvp(X, y, w, p);
    const alpha = rr / dot(p, Hp);
    s = s.map((sj, j) => sj + alpha * p[j]);
    r = r.map((rj, j) => rj - alpha * Hp[j]);
    const next = dot(r, r);
    p = r.map((rj, j) => rj + (next / rr) * p[j]);
    rr = next;
  }
  return w.map((wj, j) => wj - s[j]);
}
