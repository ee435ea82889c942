// Looking things up in the course for the screens, keys and reducers: a task or lesson by id,
// the task on screen, whether it has passed, the next task, and what keeps a task locked.
import type { Course, Lesson, TaskLesson } from '../../lessons/types.js';
import type { WorkspaceProgress } from '../../progress/types.js';
import { checksPassed, prerequisite } from '../../progress/unlock.js';
import type { UiState } from './state.js';

export function findTask(course: Course, id: string): TaskLesson | undefined {
  return course.tasks.find((task) => task.id === id);
}

export function findLesson(course: Course, id: string): Lesson | undefined {
  return course.lessons.find((lesson) => lesson.id === id);
}

/** The task whose screen is open, if any. */
export function currentTask(state: UiState, course: Course): TaskLesson | undefined {
  return state.screen.screen === 'task' ? findTask(course, state.screen.id) : undefined;
}

/** True once the task's checks have passed (the reference solution may be shown). */
export function hasPassed(state: UiState, taskId: string): boolean {
  return checksPassed(state.progress.tasks[taskId]);
}

/** The task after `task` in the course, if any. */
export function nextTask(course: Course, task: TaskLesson): TaskLesson | undefined {
  return course.tasks[course.tasks.indexOf(task) + 1];
}

/** "complete bce-loss first", for a task that is still locked. */
export function lockedReason(
  course: Course,
  task: TaskLesson,
  progress?: WorkspaceProgress,
): string {
  const before = prerequisite(course, task);
  // Its checks pass: what is left is answering its questions.
  if (before && progress && checksPassed(progress.tasks[before.id]))
    return `answer ${before.id}'s questions first`;
  return before ? `complete ${before.id} first` : 'locked';
}
