// The reference math of the lab, written for accuracy: the oracle the hidden checks compare
// against and the plots draw beside the student's line. Students never see this file.

/** σ(z) = 1/(1+e^−z), accurate in both tails (σ(−700) ≈ 9.86e−305, not 0). */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** log(1 + e^z) without overflow. */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** The clipping bound of the lab's stable loss: p is kept in [ε, 1 − ε]. */
export const lossEps = 1e-12;

/** Mean binary cross-entropy of labels y ∈ {0, 1} and probabilities p, with p clipped. */
export function bceLoss(y: readonly number[], p: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i] ?? 0, lossEps), 1 - lossEps);
    const label = y[i] ?? 0;
    total += -(label * Math.log(q) + (1 - label) * Math.log(1 - q));
  }
  return total / y.length;
}

/** X·v for X a list of rows. */
export function matVec(X: readonly (readonly number[])[], v: readonly number[]): number[] {
  return X.map((row) => dot(row, v));
}

/** Xᵀ·r for X a list of rows. */
export function matTVec(X: readonly (readonly number[])[], r: readonly number[]): number[] {
  const out = new Array<number>(X[0]?.length ?? 0).fill(0);
  X.forEach((row, i) => {
    const ri = r[i] ?? 0;
    row.forEach((x, j) => {
      out[j] = (out[j] ?? 0) + x * ri;
    });
  });
  return out;
}

export function dot(a: readonly number[], b: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += (a[i] ?? 0) * (b[i] ?? 0);
  return total;
}

/** Mean log-loss L(w) and its gradient ∇L = Xᵀ(p − y)/n. The loss is exact (softplus form). */
export function lossAndGrad(
  X: readonly (readonly number[])[],
  y: readonly number[],
  w: readonly number[],
): { loss: number; grad: number[] } {
  const n = X.length;
  const z = matVec(X, w);
  const loss = z.reduce((sum, zi, i) => sum + softplus(zi) - (y[i] ?? 0) * zi, 0) / n;
  const residual = z.map((zi, i) => sigmoid(zi) - (y[i] ?? 0));
  const grad = matTVec(X, residual).map((g) => g / n);
  return { loss, grad };
}

/** H·v with H = XᵀSX/n, S = diag(p(1 − p)), in O(nd) without forming H. */
export function hvp(
  X: readonly (readonly number[])[],
  w: readonly number[],
  v: readonly number[],
): number[] {
  const n = X.length;
  const z = matVec(X, w);
  const Xv = matVec(X, v);
  const scaled = z.map((zi, i) => {
    const p = sigmoid(zi);
    return p * (1 - p) * (Xv[i] ?? 0);
  });
  return matTVec(X, scaled).map((x) => x / n);
}

/** The full Hessian XᵀSX/n (d×d); for small d only. */
export function hessian(X: readonly (readonly number[])[], w: readonly number[]): number[][] {
  const d = w.length;
  return Array.from({ length: d }, (_, j) =>
    hvp(
      X,
      w,
      Array.from({ length: d }, (_, k) => (k === j ? 1 : 0)),
    ),
  );
}

/** Solves A·x = b for symmetric positive-definite A (Gaussian elimination, partial pivoting). */
export function solve(A: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i] ?? 0]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(M[r]?.[col] ?? 0) > Math.abs(M[pivot]?.[col] ?? 0)) pivot = r;
    [M[col], M[pivot]] = [M[pivot] as number[], M[col] as number[]];
    const top = M[col] as number[];
    for (let r = col + 1; r < n; r++) {
      const row = M[r] as number[];
      const factor = (row[col] ?? 0) / (top[col] ?? 1);
      for (let c = col; c <= n; c++) row[c] = (row[c] ?? 0) - factor * (top[c] ?? 0);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const row = M[r] as number[];
    let sum = row[n] ?? 0;
    for (let c = r + 1; c < n; c++) sum -= (row[c] ?? 0) * (x[c] ?? 0);
    x[r] = sum / (row[r] ?? 1);
  }
  return x;
}

/** One gradient-descent step: w − lr·∇L. */
export function gdStep(
  X: readonly (readonly number[])[],
  y: readonly number[],
  w: readonly number[],
  lr: number,
): number[] {
  const { grad } = lossAndGrad(X, y, w);
  return w.map((wi, j) => wi - lr * (grad[j] ?? 0));
}

/** One Newton step: w − H⁻¹∇L. */
export function newtonStep(
  X: readonly (readonly number[])[],
  y: readonly number[],
  w: readonly number[],
): number[] {
  const { grad } = lossAndGrad(X, y, w);
  const step = solve(hessian(X, w), grad);
  return w.map((wi, j) => wi - (step[j] ?? 0));
}
