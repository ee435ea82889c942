// The seed's submission checklist: all TODOs completed, the items course.json names (the
// gradient check, the PSD check), and answers to the checkpoint questions, judged from fresh
// check results.
import type { TaskResult } from '../engine/types.js';
import { taskVerdict } from '../engine/verdict.js';
import type { Course, Question, TaskLesson } from '../lessons/types.js';
import { allQuestions, isAnswered } from './answers.js';
import type { WorkspaceProgress } from './types.js';

export type ItemStatus = 'pass' | 'fail' | 'pending';

/** One line of the checklist. */
export interface ChecklistItem {
  /** `todos` and `questions` in every course; the others from course.json `checklist`. */
  readonly id: string;
  readonly label: string;
  readonly status: ItemStatus;
  /** What is missing, or what was counted: `6 of 7 tasks pass; not yet: psd`. */
  readonly detail: string;
}

/**
 * The checklist for `results` (this run's results by task id; a missing one is still running when
 * `running`, else counts as not passing). Bonus tasks and their questions are not required.
 */
export function checklistItems(
  course: Course,
  progress: WorkspaceProgress,
  results: Readonly<Record<string, TaskResult | undefined>>,
  running: boolean,
): ChecklistItem[] {
  const main = course.tasks.filter((task) => !task.bonus);
  const items: ChecklistItem[] = [
    tasksItem('todos', 'All TODOs completed', main, results, running),
  ];
  for (const group of course.checklist) {
    const tasks = course.tasks.filter((task) => group.tasks.includes(task.id));
    items.push(tasksItem(group.id, group.label, tasks, results, running));
  }
  const tally = questionTally(course, progress);
  // The tasks the student knows, not question ids they never see.
  const waiting = main
    .map((task) => ({ task, left: tally.missing.filter((found) => found.task === task).length }))
    .filter(({ left }) => left > 0)
    .map(({ task, left }) => (left === 1 ? task.id : `${task.id} (${left})`));
  items.push({
    id: 'questions',
    label: 'Short answers to the checkpoint questions',
    status: tally.missing.length === 0 ? 'pass' : 'fail',
    detail:
      `${tally.answered} of ${tally.total} answered` +
      (waiting.length > 0 ? `; not yet: ${waiting.join(', ')}` : ''),
  });
  return items;
}

/** How many checkpoint questions are answered: those of the required tasks, the bonus apart. */
export interface QuestionTally {
  readonly answered: number;
  readonly total: number;
  /** The required questions not answered yet, in lesson order, with the task that asks each. */
  readonly missing: readonly { readonly task: TaskLesson; readonly question: Question }[];
  readonly bonusAnswered: number;
  readonly bonusTotal: number;
}

/** "8 of 9 questions answered · bonus 0 of 1", as the review and `answers` say it. */
export function questionsAnsweredText(course: Course, progress: WorkspaceProgress): string {
  const tally = questionTally(course, progress);
  const bonus =
    tally.bonusTotal > 0 ? ` · bonus ${tally.bonusAnswered} of ${tally.bonusTotal}` : '';
  return `${tally.answered} of ${tally.total} questions answered${bonus}`;
}

/** The one count of answered questions, for the checklist and the review alike. */
export function questionTally(course: Course, progress: WorkspaceProgress): QuestionTally {
  const context = allQuestions(course.tasks);
  const asked = (bonus: boolean) =>
    course.tasks
      .filter((task) => task.bonus === bonus)
      .flatMap((task) => task.questions.map((question) => ({ task, question })));
  const unanswered = (bonus: boolean) =>
    asked(bonus).filter(({ question }) => !isAnswered(progress, question, context));
  const missing = unanswered(false);
  return {
    answered: asked(false).length - missing.length,
    total: asked(false).length,
    missing,
    bonusAnswered: asked(true).length - unanswered(true).length,
    bonusTotal: asked(true).length,
  };
}

/** `bce-loss (3/9 checks pass)`: the task with the summary `check` prints for its verdict. */
function withVerdict(task: TaskLesson, result: TaskResult | undefined): string {
  return result ? `${task.id} (${taskVerdict(result).summary})` : task.id;
}

function tasksItem(
  id: ChecklistItem['id'],
  label: string,
  tasks: readonly TaskLesson[],
  results: Readonly<Record<string, TaskResult | undefined>>,
  running: boolean,
): ChecklistItem {
  const waiting = tasks.filter((task) => results[task.id] === undefined);
  const failing = tasks.filter((task) => results[task.id]?.status !== 'pass');
  const passing = tasks.length - failing.length;
  const counted = `${passing} of ${tasks.length} ${tasks.length === 1 ? 'task passes' : 'tasks pass'}`;
  if (running && waiting.length > 0)
    return { id, label, status: 'pending', detail: `checking… ${counted} so far` };
  return {
    id,
    label,
    status: failing.length === 0 ? 'pass' : 'fail',
    detail:
      failing.length === 0
        ? counted
        : `${counted}; not yet: ${failing.map((task) => withVerdict(task, results[task.id])).join(', ')}`,
  };
}
