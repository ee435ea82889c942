// Task 2.3: the numerical gradient, by central differences.
//
// Goal: estimate ∇f(w) without any formula for the derivative:
//   ∂f/∂wᵢ ≈ (f(w + eps·eᵢ) − f(w − eps·eᵢ)) / (2·eps)       for every i
// where eᵢ is the i-th unit vector (only wᵢ moves). The error is O(eps²).
//
// HINT:
// - Central difference: evaluate f on both sides of wᵢ.
// - Use the eps you are given, and don't modify w: build new vectors for w ± eps·eᵢ.
//
// Checkpoint: why can eps too small make the check worse?
import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  throw new Error('TODO: implement the numerical gradient');
}
