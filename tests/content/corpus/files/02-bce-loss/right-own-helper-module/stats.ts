// The student's own small statistics helpers.
export const clip = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);
export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
