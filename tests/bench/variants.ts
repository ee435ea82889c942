// A failing file for every task: the reference solution with its answer nudged, so that every
// check runs (a starter fails at the first call, which would flatter the timings).
import type { TaskLesson } from '../../src/lessons/types.js';

export function failingVariant(task: Pick<TaskLesson, 'solution' | 'exportName'>): string {
  const declaration = `export function ${task.exportName}(`;
  if (!task.solution.includes(declaration))
    throw new Error(`The solution of ${task.exportName} does not declare \`${declaration}\``);
  return `${task.solution.replace(declaration, 'function reference(')}
export function ${task.exportName}(...args: any[]): any {
  return nudge((reference as any)(...args));
}
function nudge(value: any): any {
  if (typeof value === 'number') return value + 0.01;
  if (Array.isArray(value)) return value.map(nudge);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, nudge(inner)]));
  return value;
}
`;
}
