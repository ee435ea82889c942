// Wrong: normalizes v to unit length in place ("a direction"), then scales back by ‖v‖²: the value is right but the caller's v changed.
// Expect: fail, mistake mutates-argument
import { hvp } from './05-hvp';
import { dot, type Matrix, type Vector } from './lab';

export function vHv(X: Matrix, y: Vector, w: Vector, v: Vector): number {
  const norm2 = dot(v, v);
  const norm = Math.sqrt(norm2);
  for (let j = 0; j < v.length; j++) v[j] /= norm;
  return dot(v, hvp(X, y, w, v)) * norm2;
}
