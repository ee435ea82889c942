// Wrong: a "truncated Newton" with exactly 3 conjugate-gradient iterations, whatever d is.
// Expect: fail, no mistake named
import { lossAndGrad } from './03-loss-and-grad';
import { hvp } from './05-hvp';
import type { Matrix, Vector } from './lab';

export function newtonStep(X: Matrix, y: Vector, w: Vector): Vector {
  const { grad } = lossAndGrad(X, y, w);
  const dot = (a: number[], b: number[]) => a.reduce((s, ai, i) => s + ai * b[i], 0);
  let s = w.map(() => 0);
  let r = [...grad];
  let p = [...r];
  for (let it = 0; it < 3; it++) {
    const Hp = hvp(X, y, w, p);
    const rr = dot(r, r);
    if (rr === 0) break;
    const alpha = rr / dot(p, Hp);
    s = s.map((sj, j) => sj + alpha * p[j]);
    r = r.map((rj, j) => rj - alpha * Hp[j]);
    const beta = dot(r, r) / rr;
    p = r.map((rj, j) => rj + beta * p[j]);
  }
  return w.map((wj, j) => wj - s[j]);
}
