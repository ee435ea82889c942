// The seed's submission checklist: all TODOs completed, the items course.json names (the
// gradient check, the PSD check), and answers to the checkpoint questions, judged from fresh
// check results.
import type { TaskResult } from '../engine/types.js';
import type { Course, TaskLesson } from '../lessons/types.js';
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
  const questions = main.flatMap((task) => task.questions);
  const context = allQuestions(course.tasks);
  const missing = questions.filter((question) => !isAnswered(progress, question, context));
  items.push({
    id: 'questions',
    label: 'Short answers to the checkpoint questions',
    status: missing.length === 0 ? 'pass' : 'fail',
    detail:
      `${questions.length - missing.length} of ${questions.length} answered` +
      (missing.length > 0 ? `; not yet: ${missing.map((question) => question.id).join(', ')}` : ''),
  });
  return items;
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
        : `${counted}; not yet: ${failing.map((task) => task.id).join(', ')}`,
  };
}
