// Right: the weights and the quadratic form from a helper module of the student's own.
// Expect: pass
import type { Matrix, Vector } from './lab';
import { curvatureWeights, weightedSquares } from './curvature';

export function vHv(X: Matrix, _y: Vector, w: Vector, v: Vector): number {
  return weightedSquares(curvatureWeights(X, w), X, v) / X.length;
}
