// What the task screen asks of its state: the failing check's own hint, whether a save can
// change a task's verdict, and whether its file is missing.
import type { CheckResult } from '../../engine/types.js';
import { failuresInOrder } from '../../engine/verdict.js';
import type { Course, TaskLesson } from '../../lessons/types.js';
import type { UiState } from '../app/state.js';
import type { TaskRun } from './state.js';

/** The first failing check of the last result that has a hint of its own, with that hint. */
export function failingCheckHint(
  task: TaskLesson,
  run: TaskRun | undefined,
): { readonly check: CheckResult; readonly hint: string } | undefined {
  for (const check of failuresInOrder(run?.last?.result.checks ?? [])) {
    const hint =
      task.checkHints[check.name] ??
      (check.mistake ? task.mistakes[check.mistake]?.hint : undefined);
    if (hint) return { check, hint };
  }
  return undefined;
}

/** True when a save of `file` can change the verdict of `task`. */
export function affects(course: Course, task: TaskLesson, file: string): boolean {
  if (file === task.file) return true;
  const owner = course.tasks.find((other) => other.file === file);
  // A later task's file cannot be imported by an earlier one (it is not written yet); lab.ts and
  // files of the student's own can be, and so can earlier tasks' files.
  return owner === undefined || course.tasks.indexOf(owner) < course.tasks.indexOf(task);
}

/** True when the last check of the task found its file gone (deleted or renamed). */
export function fileMissing(state: UiState, taskId: string): boolean {
  const result = state.runs[taskId]?.last?.result as { missingFile?: boolean } | undefined;
  return result?.missingFile === true;
}
