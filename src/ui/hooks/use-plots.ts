// Computes a task's plots through the services: one computation at a time, a newer one
// supersedes (aborts) the one in flight, and leaving the task's screen cancels it.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { TutorServices } from '../services.js';
import type { Action } from '../state.js';
import { afterFrame } from './after-frame.js';

export interface PlotRunner {
  /** Computes the plots of `taskId` now, aborting any computation in flight. */
  start(taskId: string): void;
  /** Aborts the computation in flight, if any. */
  cancel(): void;
}

export default function usePlots(
  services: Pick<TutorServices, 'computePlots'>,
  dispatch: (action: Action) => void,
  /** The task whose screen is open; a computation for any other is cancelled. */
  screenTaskId: string | undefined,
): PlotRunner {
  const current = useRef<
    | { readonly runId: number; readonly taskId: string; readonly controller: AbortController }
    | undefined
  >(undefined);
  const lastRunId = useRef(0);

  const cancel = useCallback(() => {
    const run = current.current;
    if (!run) return;
    current.current = undefined;
    run.controller.abort();
    // Said at once: a service that ignores the signal must not leave "computing" on screen.
    dispatch({ type: 'plots-cancelled', taskId: run.taskId, runId: run.runId });
  }, [dispatch]);

  const start = useCallback(
    (taskId: string) => {
      cancel();
      const runId = ++lastRunId.current;
      const controller = new AbortController();
      current.current = { runId, taskId, controller };
      dispatch({ type: 'plots-started', taskId, runId, at: Date.now() });
      // Through a promise, so that a service that throws instead of rejecting is handled alike;
      // after the frame, since a pass starts them just as its verdict is to be drawn.
      afterFrame()
        .then(() => services.computePlots(taskId, controller.signal))
        .then(
          (result) => {
            if (controller.signal.aborted) return;
            if (current.current?.runId === runId) current.current = undefined;
            dispatch({ type: 'plots-finished', taskId, runId, result });
          },
          (error: unknown) => {
            if (controller.signal.aborted) return;
            if (current.current?.runId === runId) current.current = undefined;
            const message = error instanceof Error ? error.message : String(error);
            dispatch({ type: 'plots-failed', taskId, runId, message });
          },
        );
    },
    [services, dispatch, cancel],
  );

  // Plots are for the task on screen: leaving it (the map, another task) stops them.
  useEffect(() => {
    if (current.current && current.current.taskId !== screenTaskId) cancel();
  }, [screenTaskId, cancel]);
  // Leaving the tutor stops whatever is still running.
  useEffect(() => cancel, [cancel]);
  return useMemo(() => ({ start, cancel }), [start, cancel]);
}
