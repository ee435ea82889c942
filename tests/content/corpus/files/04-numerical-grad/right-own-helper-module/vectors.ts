// The student's own vector helpers.
export function withEntry(v: number[], i: number, value: number): number[] {
  const copy = [...v];
  copy[i] = value;
  return copy;
}
