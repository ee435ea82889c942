// Runs a task's notebook cell through the services for the Run view: one run at a time, a newer
// one supersedes the one in flight, and leaving the task's screen cancels it.
import type { NotebookResult } from '../../notebook/types.js';
import type { Action } from '../app/state.js';
import useLatestRun, { type LatestRun, type RunActions } from '../hooks/use-latest-run.js';
import type { TutorServices } from '../services.js';

const cellActions: RunActions<NotebookResult> = {
  started: (taskId, runId, at) => ({ type: 'cell-started', taskId, runId, at }),
  finished: (taskId, runId, result) => ({ type: 'cell-finished', taskId, runId, result }),
  cancelled: (taskId, runId) => ({ type: 'cell-cancelled', taskId, runId }),
  failed: (taskId, runId, message) => ({ type: 'cell-failed', taskId, runId, message }),
};

export default function useCellRun(
  services: Pick<TutorServices, 'runNotebookCell'>,
  dispatch: (action: Action) => void,
  screenTaskId: string | undefined,
): LatestRun {
  return useLatestRun(
    (taskId, signal) => services.runNotebookCell(taskId, signal),
    cellActions,
    dispatch,
    screenTaskId,
  );
}
