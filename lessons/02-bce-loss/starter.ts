// Task 1.2: a stable binary cross-entropy loss.
//
// Goal: the mean over examples of ℓᵢ = −[yᵢ·log(pᵢ) + (1 − yᵢ)·log(1 − pᵢ)], with labels
// y ∈ {0, 1} and probabilities p = σ(z), as one finite number even when some pᵢ is exactly
// 0 or 1.
//
// HINT:
// - Clip p to [eps, 1 − eps] (eps = 1e-12) before taking logs.
// - Alternatively use softplus: log(1 + exp(z)) (that needs z; see task 2.2).
// - Math.log is the natural log. Return the mean, not the sum.
//
// Interview angle: explain a stable form of log-loss.
import type { Vector } from './lab';

export function bceLoss(y: Vector, p: Vector): number {
  throw new Error('TODO: implement the stable binary cross-entropy');
}
