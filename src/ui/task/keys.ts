// The task screen's keys, and those of the panels drawn over it (hints, the reference solution).
import { type Binding, close, help, overlayScrolling, quit, scrolling } from '../app/bindings.js';
import { currentTask, hasPassed } from '../app/course.js';
import { fileMissing } from './select.js';
import { nextPane, type Pane } from './state.js';

const paneWords: Record<Pane, string> = { both: 'both', checks: 'checks', lesson: 'lesson' };

/** The task screen: check, hint, edit, plots, run, questions, next, panes, back. */
export const taskBindings: readonly Binding[] = [
  {
    keys: ['r'],
    help: 'check the file again now',
    footer: 'r recheck',
    action: () => ({ type: 'recheck' }),
  },
  {
    keys: ['h'],
    help: "a hint: first the failing check's own, then more and more specific ones",
    footer: 'h hint',
    action: () => ({ type: 'hint' }),
  },
  {
    keys: ['e'],
    help: 'open the file in $VISUAL / $EDITOR (it is checked when you close the editor)',
    footer: 'e edit',
    action: () => ({ type: 'edit' }),
  },
  {
    keys: ['p'],
    help: 'your plots, drawn from your own code (a failing file draws too)',
    footer: 'p plots',
    action: () => ({ type: 'plots' }),
  },
  {
    keys: ['x'],
    help: "run the notebook's cell on your code: what the lab printed, and its own checks",
    footer: 'x run',
    action: () => ({ type: 'run-cell' }),
  },
  {
    keys: ['a'],
    help: "the task's questions: answer them in your own words (the next task opens after)",
    footer: (state, course) =>
      (currentTask(state, course)?.questions.length ?? 0) > 0 ? 'a answer' : undefined,
    action: () => ({ type: 'questions' }),
  },
  { keys: ['n'], help: 'the next task', footer: 'n next', action: () => ({ type: 'next' }) },
  {
    keys: ['R'],
    help: 'restore a deleted task file from its starter (an existing file is never touched)',
    footer: (state, course) => {
      const task = currentTask(state, course);
      return task && fileMissing(state, task.id) ? 'R restore file' : undefined;
    },
    action: () => ({ type: 'restore-file' }),
  },
  {
    keys: ['s'],
    help: 'the reference solution, once your checks have passed',
    footer: (state, course) => {
      const task = currentTask(state, course);
      return task && hasPassed(state, task.id) ? 's solution' : undefined;
    },
    action: () => ({ type: 'solution' }),
  },
  {
    keys: ['t'],
    help: 'switch the body: lesson and checks, the checks alone, the lesson alone',
    footer: (state) => `t ${paneWords[nextPane(state.pane)]}`,
    action: () => ({ type: 'cycle-pane' }),
  },
  ...scrolling(undefined),
  {
    keys: ['esc'],
    help: 'cancel a check that is running; else back to the map',
    footer: (state, course) => {
      const task = currentTask(state, course);
      return task && state.runs[task.id]?.running ? 'Esc cancel' : undefined;
    },
    action: (state, _view, course) => {
      const task = currentTask(state, course);
      return task && state.runs[task.id]?.running ? { type: 'cancel' } : { type: 'back' };
    },
  },
  {
    keys: ['b'],
    help: 'back to the lesson map',
    footer: 'b back',
    action: () => ({ type: 'back' }),
  },
  help,
  quit,
];

/** The hints panel (`h`). */
export const hintBindings: readonly Binding[] = [
  {
    keys: ['h'],
    help: 'the next hint',
    footer: (state, course) => {
      const task = currentTask(state, course);
      const left = task ? task.hints.length - (state.progress.tasks[task.id]?.hintsShown ?? 0) : 0;
      return left > 0 ? `h next hint (${left} left)` : undefined;
    },
    action: () => ({ type: 'hint' }),
  },
  {
    keys: ['e'],
    help: 'open the file in your editor',
    footer: 'e edit',
    action: () => ({ type: 'edit' }),
  },
  ...overlayScrolling(),
  close('Esc close'),
  quit,
];

/** The reference solution panel (`s`). */
export const solutionBindings: readonly Binding[] = [
  ...overlayScrolling(),
  close('Esc close', ['esc', 'b', 's']),
  quit,
];
