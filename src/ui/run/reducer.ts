// The Run view's reducer slice: `x` opens the view and runs the cell; the services' answers
// fill it in.
import type { NotebookResult } from '../../notebook/types.js';
import { none, type UiState, type Update } from '../app/state.js';
import { nextRecord, type RunEvent } from '../latest-run.js';
import type { RunAction } from './state.js';

/** The reducer of this slice; `taskId` is the task on screen. */
export function reduceRun(state: UiState, action: RunAction, taskId: string | undefined): Update {
  switch (action.type) {
    case 'run-cell':
      if (!taskId) return { state, effects: none };
      // Always run again: the file may have changed since, and a run takes a fraction of a second.
      return {
        state: { ...state, overlay: { kind: 'run', taskId }, overlayScroll: 0 },
        effects: [{ type: 'run-cell', taskId }],
      };
    case 'cell-started':
      return cellEvent(state, action.taskId, {
        kind: 'started',
        runId: action.runId,
        at: action.at,
      });
    case 'cell-finished':
      return cellEvent(state, action.taskId, {
        kind: 'finished',
        runId: action.runId,
        result: action.result,
      });
    case 'cell-cancelled':
      return cellEvent(state, action.taskId, { kind: 'ended', runId: action.runId });
    case 'cell-failed':
      return cellEvent(state, action.taskId, {
        kind: 'ended',
        runId: action.runId,
        error: action.message,
      });
  }
}

function cellEvent(state: UiState, taskId: string, event: RunEvent<NotebookResult>): Update {
  const next = nextRecord(state.cells?.[taskId], event);
  return {
    state: next ? { ...state, cells: { ...state.cells, [taskId]: next } } : state,
    effects: none,
  };
}
