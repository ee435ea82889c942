// The start-up re-check's reducer slice: the stale tasks found, each one's background check
// answered, and the scheduling that runs after every action (one background check at a time,
// only while the student's own work does not need the sandbox).
import { type Action, type Effect, none, type UiState, type Update } from '../app/state.js';
import type { StaleAction, StaleMark } from './state.js';

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
