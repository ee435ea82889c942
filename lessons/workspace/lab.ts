// Shared types and helpers for the lab. They mirror numpy's `@` so the math reads like the
// notebook; you may use them or write your own loops.

/** A vector of numbers (one per example, or one per feature). */
export type Vector = number[];

/** A matrix as a list of rows: X[i] is example i, X[i][j] its feature j. X is n×d. */
export type Matrix = number[][];

/** a · b = Σᵢ aᵢbᵢ (numpy: a @ b). */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** X·v: one dot product per row, length n (numpy: X @ v). */
export function matVec(X: Matrix, v: ArrayLike<number>): Vector {
  return X.map((row) => dot(row, v));
}

/** Xᵀ·r: Σᵢ rᵢ·X[i], length d (numpy: X.T @ r). */
export function matTVec(X: Matrix, r: ArrayLike<number>): Vector {
  const d = X.length > 0 ? X[0].length : 0;
  const out: Vector = new Array(d).fill(0);
  for (let i = 0; i < X.length; i++) {
    for (let j = 0; j < d; j++) out[j] += X[i][j] * r[i];
  }
  return out;
}
