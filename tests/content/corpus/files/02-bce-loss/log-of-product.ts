// Wrong: the likelihood as a product ∏ pᵢ^yᵢ(1 − pᵢ)^(1−yᵢ), then −log(product)/n: the product underflows to 0 once n is in the hundreds.
// Expect: fail, no mistake named
import type { Vector } from './lab';

export function bceLoss(y: Vector, p: Vector): number {
  const eps = 1e-12;
  let likelihood = 1;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], eps), 1 - eps);
    likelihood *= y[i] === 1 ? q : 1 - q;
  }
  return -Math.log(Math.max(likelihood, Number.MIN_VALUE)) / y.length;
}
