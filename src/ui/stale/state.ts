// The start-up re-check's slice of the UI state: tasks whose files changed since their recorded
// verdict (edited while the tutor was closed) are marked on the map and checked again in the
// background, one at a time, whenever no check the student asked for is running.
import type { TaskResult } from '../../engine/types.js';
import type { StaleReason, StaleTask } from '../../progress/changed-tasks.js';
import type { WorkspaceProgress } from '../../progress/types.js';
import type { Action, Effect, UiState, Update } from '../state.js';

/** Where the background re-check of one stale task stands. */
export interface StaleMark {
  readonly reason: StaleReason;
  /**
   * `queued` until its turn, `checking` while it runs, `not-checked` when the check could not
   * be run (the task is checked when next opened).
   */
  readonly status: 'queued' | 'checking' | 'not-checked';
}

/** The slice's actions: the answers of the services. */
export type StaleAction =
  /** After the first frame: the tasks whose recorded verdict no longer describes their files. */
  | { readonly type: 'stale-found'; readonly tasks: readonly StaleTask[] }
  | {
      readonly type: 'stale-checked';
      readonly taskId: string;
      readonly result: TaskResult;
      readonly at: number;
      readonly progress?: WorkspaceProgress;
    }
  | { readonly type: 'stale-failed'; readonly taskId: string };

/** The slice's effects: hooks/use-tutor.ts hands them to stale/use-stale-checks.ts. */
export type StaleEffect =
  | { readonly type: 'check-stale'; readonly taskId: string }
  | { readonly type: 'cancel-stale' };

/** The slice's action types; none is a key, so none clears the notice. */
export const staleAnswerTypes: readonly StaleAction['type'][] = [
  'stale-found',
  'stale-checked',
  'stale-failed',
];

/** True for an action of this slice. */
export function isStaleAction(action: { readonly type: string }): action is StaleAction {
  return (staleAnswerTypes as readonly string[]).includes(action.type);
}

const none: readonly Effect[] = [];

/** The reducer of this slice. */
export function reduceStale(state: UiState, action: StaleAction): Update {
  switch (action.type) {
    case 'stale-found': {
      // A task checked in this session (or being checked) has a verdict of its files as they
      // are now, or will have.
      const marks: Record<string, StaleMark> = {};
      for (const task of action.tasks)
        if (!state.runs[task.taskId]?.last && !state.runs[task.taskId]?.running)
          marks[task.taskId] = { reason: task.reason, status: 'queued' };
      return { state: { ...state, stale: marks }, effects: none };
    }
    case 'stale-checked': {
      const progress = action.progress ?? state.progress;
      const run = state.runs[action.taskId];
      // A check the student asked for meanwhile decides what the task screen shows.
      if (!state.stale?.[action.taskId] || run?.running)
        return { state: { ...state, progress }, effects: none };
      const last = { result: action.result, checkedAt: action.at };
      return {
        state: {
          ...state,
          progress,
          stale: without(state.stale, action.taskId),
          runs: { ...state.runs, [action.taskId]: { ...run, last } },
        },
        effects: none,
      };
    }
    case 'stale-failed': {
      const mark = state.stale?.[action.taskId];
      if (!mark) return { state, effects: none };
      const stale = {
        ...state.stale,
        [action.taskId]: { ...mark, status: 'not-checked' as const },
      };
      return { state: { ...state, stale }, effects: none };
    }
  }
}

/**
 * The actions after which the next queued check may start: the first, or something that ended.
 * Not any action: one the effects of a key dispatch in passing (the progress saved on opening a
 * task) comes before the check that key starts, and would let the background in first.
 */
const resumingActions: readonly Action['type'][] = [
  'stale-found',
  'stale-checked',
  'stale-failed',
  'check-finished',
  'check-cancelled',
  'check-failed',
  'checklist-finished',
  'files-saved',
];

/**
 * Runs after every action: drops the mark of a task a check the student asked for has just
 * answered, pre-empts the background check when the student's own work needs the sandbox (a
 * check, the checklist) or a file was saved (it is run again on the file as saved) or the tutor
 * quits, and starts the next queued one when nothing else runs.
 */
export function scheduleStale(update: Update, action: Action): Update {
  let marks = update.state.stale;
  if (!marks || Object.keys(marks).length === 0) return update;
  if (action.type === 'check-finished' || action.type === 'checklist-result') {
    const taskId = action.type === 'check-finished' ? action.taskId : action.result.taskId;
    if (marks[taskId]) marks = without(marks, taskId);
  }
  const checking = Object.keys(marks).find((taskId) => marks?.[taskId]?.status === 'checking');
  const quitting = update.effects.some((effect) => effect.type === 'exit');
  const busy =
    quitting ||
    update.state.checklist?.running === true ||
    Object.values(update.state.runs).some((run) => run.running !== undefined) ||
    update.effects.some((effect) => effect.type === 'check' || effect.type === 'run-checklist');
  // Cancelled before the effects of the action, so that the check pre-empting it finds the
  // sandbox free; started after them.
  const before: Effect[] = [];
  const after: Effect[] = [];
  let running = checking;
  if (checking && (busy || action.type === 'files-saved')) {
    before.push({ type: 'cancel-stale' });
    marks = { ...marks, [checking]: { ...(marks[checking] as StaleMark), status: 'queued' } };
    running = undefined;
  }
  if (!running && !busy && resumingActions.includes(action.type)) {
    const next = Object.keys(marks).find((taskId) => marks?.[taskId]?.status === 'queued');
    if (next) {
      marks = { ...marks, [next]: { ...(marks[next] as StaleMark), status: 'checking' } };
      after.push({ type: 'check-stale', taskId: next });
    }
  }
  if (marks === update.state.stale) return update;
  return {
    state: { ...update.state, stale: marks },
    effects: [...before, ...update.effects, ...after],
  };
}

function without(
  marks: Readonly<Record<string, StaleMark>>,
  taskId: string,
): Readonly<Record<string, StaleMark>> {
  const { [taskId]: _dropped, ...rest } = marks;
  return rest;
}

/** What the map says of a stale task in place of its old verdict; undefined keeps the verdict. */
export function staleWord(mark: StaleMark | undefined): string | undefined {
  if (!mark) return undefined;
  if (mark.reason === 'unknown') {
    // Recorded by an older tutor: the verdict may well hold, so it stays unless a check runs.
    return mark.status === 'checking' ? 'checking again…' : undefined;
  }
  const status = { queued: 'queued', checking: 'checking…', 'not-checked': 'open it to check' };
  return `changed since last check · ${status[mark.status]}`;
}
