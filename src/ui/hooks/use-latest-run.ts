// Runs one computation per task through the services at a time: a newer one supersedes (aborts)
// the one in flight, and leaving the task's screen cancels it. The plots and the Run view use it.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Action } from '../app/state.js';
import { afterFrame } from './after-frame.js';

export interface LatestRun {
  /** Computes for `taskId` now, aborting any computation in flight. */
  start(taskId: string): void;
  /** Aborts the computation in flight, if any. */
  cancel(): void;
}

/** The actions that say how a computation went, for the reducer. */
export interface RunActions<T> {
  started(taskId: string, runId: number, at: number): Action;
  finished(taskId: string, runId: number, result: T): Action;
  cancelled(taskId: string, runId: number): Action;
  failed(taskId: string, runId: number, message: string): Action;
}

export default function useLatestRun<T>(
  compute: (taskId: string, signal: AbortSignal) => Promise<T>,
  actions: RunActions<T>,
  dispatch: (action: Action) => void,
  /** The task whose screen is open; a computation for any other is cancelled. */
  screenTaskId: string | undefined,
): LatestRun {
  const current = useRef<
    | { readonly runId: number; readonly taskId: string; readonly controller: AbortController }
    | undefined
  >(undefined);
  const lastRunId = useRef(0);
  // The latest of each, so that callers may pass new closures on every render.
  const latest = useRef({ compute, actions });
  latest.current = { compute, actions };

  const cancel = useCallback(() => {
    const run = current.current;
    if (!run) return;
    current.current = undefined;
    run.controller.abort();
    // Said at once: a service that ignores the signal must not leave "running" on screen.
    dispatch(latest.current.actions.cancelled(run.taskId, run.runId));
  }, [dispatch]);

  const start = useCallback(
    (taskId: string) => {
      cancel();
      const runId = ++lastRunId.current;
      const controller = new AbortController();
      current.current = { runId, taskId, controller };
      dispatch(latest.current.actions.started(taskId, runId, Date.now()));
      const settled = () => {
        if (current.current?.runId === runId) current.current = undefined;
      };
      // Through a promise, so that a service that throws instead of rejecting is handled alike;
      // after the frame, so that "running" is drawn before the work competes with drawing.
      afterFrame()
        .then(() => latest.current.compute(taskId, controller.signal))
        .then(
          (result) => {
            if (controller.signal.aborted) return;
            settled();
            dispatch(latest.current.actions.finished(taskId, runId, result));
          },
          (error: unknown) => {
            if (controller.signal.aborted) return;
            settled();
            const message = error instanceof Error ? error.message : String(error);
            dispatch(latest.current.actions.failed(taskId, runId, message));
          },
        );
    },
    [dispatch, cancel],
  );

  // A computation is for the task on screen: leaving it (the map, another task) stops it.
  useEffect(() => {
    if (current.current && current.current.taskId !== screenTaskId) cancel();
  }, [screenTaskId, cancel]);
  // Leaving the tutor stops whatever is still running.
  useEffect(() => cancel, [cancel]);
  return useMemo(() => ({ start, cancel }), [start, cancel]);
}
