// Task 1.1: a numerically stable sigmoid.
//
// Goal: return σ(zᵢ) = 1 / (1 + e^(−zᵢ)) for every entry of z, as a new vector of the same
// length, without NaN for huge |z| and without losing the tiny values in the negative tail
// (σ(−700) ≈ 9.9e−305, not 0).
//
// HINT:
// - Use the `np.where(z >= 0, ...)` trick to avoid overflow: branch on zᵢ ≥ 0.
// - For zᵢ ≥ 0: 1 / (1 + e^(−zᵢ)).  For zᵢ < 0: e^(zᵢ) / (1 + e^(zᵢ)).
//   Either way, Math.exp only ever sees a number ≤ 0.
//
// Think about it: why does sigmoid saturate for large |z|, and what does that do to gradients?
import type { Vector } from './lab';

export function sigmoid(z: Vector): Vector {
  throw new Error('TODO: implement a numerically stable sigmoid');
}
