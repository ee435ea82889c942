// Computes a task's plots through the services: one computation at a time, a newer one
// supersedes (aborts) the one in flight, and leaving the task's screen cancels it.
import type { PlotResult } from '../../plot/types.js';
import type { Action } from '../app/state.js';
import useLatestRun, { type LatestRun, type RunActions } from '../hooks/use-latest-run.js';
import type { TutorServices } from '../services.js';

export type PlotRunner = LatestRun;

const plotActions: RunActions<PlotResult> = {
  started: (taskId, runId, at) => ({ type: 'plots-started', taskId, runId, at }),
  finished: (taskId, runId, result) => ({ type: 'plots-finished', taskId, runId, result }),
  cancelled: (taskId, runId) => ({ type: 'plots-cancelled', taskId, runId }),
  failed: (taskId, runId, message) => ({ type: 'plots-failed', taskId, runId, message }),
};

export default function usePlots(
  services: Pick<TutorServices, 'computePlots'>,
  dispatch: (action: Action) => void,
  /** The task whose screen is open; a computation for any other is cancelled. */
  screenTaskId: string | undefined,
): PlotRunner {
  return useLatestRun(
    (taskId, signal) => services.computePlots(taskId, signal),
    plotActions,
    dispatch,
    screenTaskId,
  );
}
