// The task screen's reducer slice: checks (started, finished, cancelled, failed), saves, the
// hints and the solution, the editor, scrolling and the panes, and `n` to the next lesson.
import type { Course, TaskLesson } from '../../lessons/types.js';
import { currentTask, hasPassed, nextTask } from '../app/course.js';
import { type Action, clamp, closeOverlay, none, type UiState, type Update } from '../app/state.js';
import { openLesson } from '../map/reducer.js';
import { taskHasPlots } from '../plots/reducer.js';
import { nextQuestions } from '../questions/reducer.js';
import { affects, failingCheckHint, fileMissing } from './select.js';
import { nextPane, type TaskAction, type TaskRun, taskAnswerTypes } from './state.js';

const taskActions: ReadonlySet<string> = new Set<TaskAction['type']>([
  'back',
  'scroll',
  'cycle-pane',
  'recheck',
  'cancel',
  'hint',
  'solution',
  'edit',
  'next',
  'restore-file',
  ...taskAnswerTypes,
]);

/** True for an action of this slice. */
export function isTaskAction(action: { readonly type: string }): action is TaskAction {
  return taskActions.has(action.type);
}

/** The reducer's slice for the task screen (and `n`/`b` on the intro and the questions). */
export function reduceTask(state: UiState, action: TaskAction, course: Course): Update {
  const task = currentTask(state, course);
  switch (action.type) {
    case 'next': {
      if (state.screen.screen === 'intro') {
        const first = course.tasks[0];
        return first ? openLesson(state, course, first) : { state, effects: none };
      }
      if (state.screen.screen === 'questions')
        return nextQuestions(state, course, state.screen.taskId);
      if (!task) return { state, effects: none };
      const following = nextTask(course, task);
      if (!following)
        return {
          state: { ...state, notice: `${task.id} is the last task of the lab.` },
          effects: none,
        };
      return openLesson(state, course, following);
    }
    case 'back':
      if (state.overlay) return { state: closeOverlay(state), effects: none };
      if (state.screen.screen === 'task' || state.screen.screen === 'intro') {
        return {
          state: { ...state, screen: { screen: 'map' }, celebrating: undefined, pane: 'both' },
          effects: none,
        };
      }
      return { state, effects: none };
    case 'scroll':
      // With the checks alone on screen, the keys that scroll the lesson scroll them.
      if (state.screen.screen === 'task' && state.pane === 'checks') {
        return {
          state: { ...state, checksScroll: clamp(state.checksScroll + action.by, 0, action.max) },
          effects: none,
        };
      }
      return {
        state: { ...state, scroll: clamp(state.scroll + action.by, 0, action.max) },
        effects: none,
      };
    case 'cycle-pane':
      return { state: { ...state, pane: nextPane(state.pane), checksScroll: 0 }, effects: none };
    case 'recheck':
      return task
        ? { state, effects: [{ type: 'check', taskId: task.id }] }
        : { state, effects: none };
    case 'cancel':
      return { state, effects: [{ type: 'cancel-check' }] };
    case 'hint':
      return task ? hint(state, task) : { state, effects: none };
    case 'solution':
      if (!task) return { state, effects: none };
      if (!hasPassed(state, task.id)) {
        return {
          state: {
            ...state,
            notice: 'The reference solution opens once your checks pass: first find your own way.',
          },
          effects: none,
        };
      }
      return {
        state: { ...state, overlay: { kind: 'solution', taskId: task.id }, overlayScroll: 0 },
        effects: none,
      };
    case 'edit':
      return task
        ? {
            state: { ...state, editing: task.file, overlay: undefined },
            effects: [{ type: 'open-editor', file: task.file }],
          }
        : { state, effects: none };
    case 'editor-closed': {
      const after = {
        ...state,
        editing: undefined,
        ...(action.error ? { notice: action.error } : {}),
      };
      // The file has most likely changed: check it at once rather than wait for the watcher.
      return { state: after, effects: task ? [{ type: 'check', taskId: task.id }] : none };
    }
    case 'files-saved':
      return saved(state, course, task, action.files);
    case 'check-started':
      return {
        state: withRun(state, action.taskId, (run) => ({
          ...run,
          running: { runId: action.runId, startedAt: action.at },
          cancelled: false,
          error: undefined,
          savedSinceCheck: undefined,
        })),
        effects: none,
      };
    case 'check-finished': {
      const after = finished(state, action);
      // After a pass on screen, the plots are drawn from the passing file, ready for `p`.
      const plot =
        after !== state &&
        action.result.status === 'pass' &&
        state.screen.screen === 'task' &&
        state.screen.id === action.taskId &&
        taskHasPlots(action.taskId);
      return {
        state: after,
        effects: plot ? [{ type: 'compute-plots', taskId: action.taskId }] : none,
      };
    }
    case 'check-cancelled':
      return { state: endRun(state, action, { cancelled: true }), effects: none };
    case 'check-failed':
      return { state: endRun(state, action, { error: action.message }), effects: none };
    case 'type-checked':
      return {
        state: withRun(state, action.taskId, (run) => ({ ...run, typeErrors: action.diagnostics })),
        effects: none,
      };
    case 'restore-file':
      return task && fileMissing(state, task.id)
        ? { state, effects: [{ type: 'restore-file', taskId: task.id }] }
        : { state, effects: none };
  }
}

/** `h`: the failing check's own hint first (where the lesson has one), then the staged hints. */
function hint(state: UiState, task: TaskLesson): Update {
  const opened = {
    ...state,
    overlay: { kind: 'hint', taskId: task.id } as const,
    overlayScroll: 0,
  };
  const own = failingCheckHint(task, state.runs[task.id]);
  if (own && state.checkHintShown[task.id] !== own.check.name) {
    return {
      state: { ...opened, checkHintShown: { ...state.checkHintShown, [task.id]: own.check.name } },
      effects: none,
    };
  }
  const shown = state.progress.tasks[task.id]?.hintsShown ?? 0;
  if (shown < task.hints.length)
    return { state: opened, effects: [{ type: 'record-hint', taskId: task.id }] };
  return { state: opened, effects: none };
}

/**
 * Saves (and deletions) of workspace files: the task on screen is checked if they can change its
 * verdict; another task whose own file changed is checked when next opened. (A task checked
 * before is checked on opening anyway, so a save of lab.ts or an earlier file need not mark it.)
 */
function saved(
  state: UiState,
  course: Course,
  onScreen: TaskLesson | undefined,
  files: readonly string[],
): Update {
  let next = state;
  for (const other of course.tasks)
    if (other !== onScreen && files.includes(other.file))
      next = withRun(next, other.id, (run) => ({ ...run, savedSinceCheck: true }));
  const check = onScreen && files.some((file) => affects(course, onScreen, file));
  if (!check) return { state: next, effects: none };
  // The Run view shows the file as it is: a save runs the cell again, beside the checks.
  const rerun = state.overlay?.kind === 'run' && state.overlay.taskId === onScreen.id;
  return {
    state: next,
    effects: [
      { type: 'check', taskId: onScreen.id },
      ...(rerun ? [{ type: 'run-cell', taskId: onScreen.id } as const] : []),
    ],
  };
}

function finished(state: UiState, action: Extract<Action, { type: 'check-finished' }>): UiState {
  const run = state.runs[action.taskId];
  // A result of a run that a newer one superseded is dropped; the newer one decides.
  if (run?.running && run.running.runId !== action.runId) return state;
  const passedBefore = hasPassed(state, action.taskId);
  const progress = action.progress ?? state.progress;
  const passed = action.result.status === 'pass';
  const onScreen = state.screen.screen === 'task' && state.screen.id === action.taskId;
  let celebrating = state.celebrating;
  if (passed && !passedBefore && onScreen) celebrating = action.taskId;
  else if (!passed && celebrating === action.taskId) celebrating = undefined;
  return {
    ...withRun(state, action.taskId, (previous) => ({
      ...previous,
      running: undefined,
      cancelled: false,
      error: undefined,
      last: { result: action.result, checkedAt: action.at },
    })),
    progress,
    celebrating,
  };
}

function withRun(state: UiState, taskId: string, change: (run: TaskRun) => TaskRun): UiState {
  return { ...state, runs: { ...state.runs, [taskId]: change(state.runs[taskId] ?? {}) } };
}

/** The run `runId` of a task ended without a verdict; a newer run's end changes nothing. */
function endRun(
  state: UiState,
  action: { readonly taskId: string; readonly runId: number },
  how: { readonly cancelled: true } | { readonly error: string },
): UiState {
  if (state.runs[action.taskId]?.running?.runId !== action.runId) return state;
  return withRun(state, action.taskId, (run) => ({ ...run, running: undefined, ...how }));
}
