// The Run view's slice of the UI state (`x` on a task): the notebook cell's runs per task, and
// the actions that start and end them (see run/reducer.ts).
import type { NotebookResult } from '../../notebook/types.js';
import type { LatestRunRecord } from '../latest-run.js';

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
