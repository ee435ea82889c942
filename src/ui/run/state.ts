// The Run view's slice of the UI state (`x` on a task): the notebook cell's runs per task, the
// actions that start and end them, and the reducer for those actions.
import type { NotebookResult } from '../../notebook/types.js';
import { type LatestRunRecord, nextRecord, type RunEvent } from '../latest-run.js';
import type { Effect, UiState, Update } from '../state.js';

/** What is known about the notebook cell of one task in this session. */
export type CellRun = LatestRunRecord<NotebookResult>;

/** The Run view's actions: the key, and the answers of the services. */
export type RunAction =
  /** `x`: opens the Run view of the task on screen and runs its cell. */
  | { readonly type: 'run-cell' }
  | {
      readonly type: 'cell-started';
      readonly taskId: string;
      readonly runId: number;
      readonly at: number;
    }
  | {
      readonly type: 'cell-finished';
      readonly taskId: string;
      readonly runId: number;
      readonly result: NotebookResult;
    }
  | { readonly type: 'cell-cancelled'; readonly taskId: string; readonly runId: number }
  | {
      readonly type: 'cell-failed';
      readonly taskId: string;
      readonly runId: number;
      readonly message: string;
    };

/** The answers of the services, which leave the notice on screen. */
export const runAnswerTypes: readonly RunAction['type'][] = [
  'cell-started',
  'cell-finished',
  'cell-cancelled',
  'cell-failed',
];

/** True for an action of this slice. */
export function isRunAction(action: { readonly type: string }): action is RunAction {
  return action.type === 'run-cell' || (runAnswerTypes as readonly string[]).includes(action.type);
}

const none: readonly Effect[] = [];

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
