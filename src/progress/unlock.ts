// The unlocking rule, in one place: which tasks are complete, open, or still locked.
import type { Course, Question, TaskLesson } from '../lessons/types.js';
import { allQuestions, isAnswered } from './answers.js';
import type { TaskProgress, TaskState, WorkspaceProgress } from './types.js';

/** True once the task's checks have passed, at any time (a later regression does not undo it). */
export function checksPassed(progress: TaskProgress | undefined): boolean {
  return progress?.firstPassedAt !== undefined;
}

/**
 * A task is complete when its checks have passed (at any time: a later regression does not
 * relock what it opened) and each of its questions has an answer that passes the gate. (Or it was
 * complete before the gate: see `completeBeforeTheGate`.) `questions` are the course's, the
 * context answers are judged in.
 */
export function isComplete(
  progress: WorkspaceProgress,
  task: TaskLesson,
  questions: readonly Question[],
): boolean {
  return (
    checksPassed(progress.tasks[task.id]) &&
    (completeBeforeTheGate(progress, task) ||
      task.questions.every((question) => isAnswered(progress, question, questions)))
  );
}

/**
 * Questions the course gained with the answer gate. A student who completed their task before
 * then is not asked to answer them before going on (they may still).
 */
const questionsAddedWithTheGate: ReadonlySet<string> = new Set(['grad-shape']);

/**
 * True when the task was complete by the rule before the answer gate, which nothing relocks: every
 * question it asked then has a version recorded before the gate (`gated` absent) that was neither
 * blank nor the prompt copied back.
 */
function completeBeforeTheGate(progress: WorkspaceProgress, task: TaskLesson): boolean {
  const askedThen = task.questions.filter(
    (question) => !questionsAddedWithTheGate.has(question.id),
  );
  return (
    askedThen.length > 0 &&
    askedThen.every((question) =>
      (progress.answers?.[question.id] ?? []).some(
        (version) =>
          version.gated !== true &&
          version.text.trim() !== '' &&
          squash(version.text) !== squash(question.prompt),
      ),
    )
  );
}

function squash(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The task a locked task is waiting for, or undefined when it needs nothing. */
export function prerequisite(course: Course, task: TaskLesson): TaskLesson | undefined {
  return task.requires === null
    ? undefined
    : course.tasks.find((other) => other.id === task.requires);
}

/**
 * True when the task can be worked on: what it requires is complete. Nothing relocks: a task the
 * student already checked while its prerequisite's checks passed stays open, even if that
 * prerequisite still lacks answers (it was opened by the rule before questions existed).
 */
export function isUnlocked(course: Course, progress: WorkspaceProgress, task: TaskLesson): boolean {
  const before = prerequisite(course, task);
  if (before === undefined || isComplete(progress, before, allQuestions(course.tasks))) return true;
  return checksPassed(progress.tasks[before.id]) && (progress.tasks[task.id]?.attempts ?? 0) > 0;
}

/** Each task's state for the map. */
export function taskState(
  course: Course,
  progress: WorkspaceProgress,
  task: TaskLesson,
): TaskState {
  const record = progress.tasks[task.id];
  if (!isUnlocked(course, progress, task) && !checksPassed(record)) return 'locked';
  if (!record?.lastStatus) return 'open';
  if (record.lastStatus === 'pass') return 'passed';
  return checksPassed(record) ? 'regressed' : 'failing';
}
