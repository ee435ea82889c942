// The unlocking rule, in one place: which tasks are complete, open, or still locked.
import type { Course, TaskLesson } from '../lessons/types.js';
import type { TaskProgress, TaskState, WorkspaceProgress } from './types.js';

/**
 * A task is complete once its checks have passed (at any time: a later regression does not
 * relock what it opened). The questions feature extends this rule here.
 */
export function isComplete(progress: TaskProgress | undefined): boolean {
  return progress?.firstPassedAt !== undefined;
}

/** The task a locked task is waiting for, or undefined when it needs nothing. */
export function prerequisite(course: Course, task: TaskLesson): TaskLesson | undefined {
  return task.requires === null
    ? undefined
    : course.tasks.find((other) => other.id === task.requires);
}

/** True when the task can be worked on. */
export function isUnlocked(course: Course, progress: WorkspaceProgress, task: TaskLesson): boolean {
  const before = prerequisite(course, task);
  return before === undefined || isComplete(progress.tasks[before.id]);
}

/** Each task's state for the map. */
export function taskState(
  course: Course,
  progress: WorkspaceProgress,
  task: TaskLesson,
): TaskState {
  const record = progress.tasks[task.id];
  if (!isUnlocked(course, progress, task) && !isComplete(record)) return 'locked';
  if (!record?.lastStatus) return 'open';
  if (record.lastStatus === 'pass') return 'passed';
  return isComplete(record) ? 'regressed' : 'failing';
}
