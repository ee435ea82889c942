// The student's own linear algebra.
export const mul = (A: number[][], v: number[]) => A.map((row) => row.reduce((s, a, j) => s + a * v[j], 0));
export const mulT = (A: number[][], r: number[]) => {
  const out = new Array<number>(A[0]?.length ?? 0).fill(0);
  for (let i = 0; i < A.length; i++) for (let j = 0; j < out.length; j++) out[j] += A[i][j] * r[i];
  return out;
};
export const hadamard = (a: number[], b: number[]) => a.map((x, i) => x * b[i]);
