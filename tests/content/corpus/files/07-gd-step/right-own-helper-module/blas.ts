// The student's own BLAS-style helpers.
/** a·x + y, as a new array. */
export function axpy(a: number, x: number[], y: number[]): number[] {
  return y.map((yi, i) => a * x[i] + yi);
}
