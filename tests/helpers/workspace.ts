// Temporary workspaces for tests: a folder with lab.ts and task files, removed after the run.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runTask } from '../../src/engine/run-task.js';
import type { TaskResult } from '../../src/engine/types.js';
import { loadCourse } from '../../src/lessons/load.js';
import type { Course, TaskLesson } from '../../src/lessons/types.js';

import { tempDir } from './temp.js';

export { tempDir };

/** Writes `files` (name → contents) into a new temporary workspace that also has lab.ts. */
export function makeWorkspace(
  files: Record<string, string>,
  course: Course = loadCourse(),
): string {
  const dir = tempDir('logreg-ws-');
  for (const [name, text] of Object.entries({ ...course.workspaceFiles, ...files })) {
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Every task file holding its reference solution: a workspace where every task passes. */
export function solvedFiles(course: Course = loadCourse()): Record<string, string> {
  return Object.fromEntries(course.tasks.map((task) => [task.file, task.solution]));
}

let cachedCourse: Course | undefined;
/** The real lab, loaded once per test file. */
export function course(): Course {
  cachedCourse ??= loadCourse();
  return cachedCourse;
}

/** The task lesson with this id. */
export function task(id: string): TaskLesson {
  const found = course().tasks.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`No task \`${id}\` in lessons/`);
  return found;
}

/**
 * Checks task `id` with its file replaced by `source`, in a workspace where every other
 * task file holds the reference solution (so later tasks can import earlier ones).
 */
export async function checkSource(
  id: string,
  source: string,
  options: { timeoutMs?: number } = {},
): Promise<TaskResult> {
  const lesson = task(id);
  const dir = makeWorkspace({ ...solvedFiles(), [lesson.file]: source });
  return runTask(lesson, { workspaceDir: dir, limits: { timeoutMs: options.timeoutMs ?? 10_000 } });
}

/** The names of the failed checks of a result, with the mistakes they named. */
export function failures(result: TaskResult): { name: string; mistake: string | undefined }[] {
  return result.checks
    .filter((check) => !check.passed)
    .map((check) => ({ name: check.name, mistake: check.mistake }));
}
