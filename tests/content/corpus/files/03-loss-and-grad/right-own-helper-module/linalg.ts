// The student's own linear algebra.
export const times = (A: number[][], v: number[]) =>
  A.map((row) => row.reduce((s, a, j) => s + a * v[j], 0));
export const transposeTimes = (A: number[][], r: number[]) => {
  const out = new Array<number>(A[0]?.length ?? 0).fill(0);
  A.forEach((row, i) => row.forEach((a, j) => (out[j] += a * r[i])));
  return out;
};
export const sub = (a: number[], b: number[]) => a.map((x, i) => x - b[i]);
export const scale = (a: number[], c: number) => a.map((x) => x * c);
