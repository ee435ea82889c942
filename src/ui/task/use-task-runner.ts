// Runs a task's checks through the services: one run at a time, a newer run supersedes (aborts)
// the one in flight, every verdict is recorded in the progress store, and the type-checker is
// asked only after the verdict is on screen.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { recordResult } from '../../progress/record-results.js';
import type { Action } from '../app/state.js';
import { afterFrame } from '../hooks/after-frame.js';
import type { TutorServices } from '../services.js';

export interface TaskRunner {
  /** Checks `taskId` now, aborting any check in flight. */
  start(taskId: string): void;
  /** Aborts the check in flight, if any. */
  cancel(): void;
}

type Services = Pick<TutorServices, 'checkTask' | 'typeCheck' | 'progress' | 'workspaceDir'>;

export default function useTaskRunner(
  services: Services,
  dispatch: (action: Action) => void,
): TaskRunner {
  const current = useRef<
    { readonly runId: number; readonly controller: AbortController } | undefined
  >(undefined);
  const lastRunId = useRef(0);
  const lastTypeCheck = useRef(0);

  const cancel = useCallback(() => {
    current.current?.controller.abort();
    current.current = undefined;
  }, []);

  const typeCheck = useCallback(
    (taskId: string) => {
      const id = ++lastTypeCheck.current;
      afterFrame()
        .then(() => services.typeCheck(taskId))
        .then(
          (diagnostics) => {
            // An answer about an older version of the file is dropped.
            if (id === lastTypeCheck.current)
              dispatch({ type: 'type-checked', taskId, diagnostics });
          },
          // Type errors are a courtesy beside the verdict; a failed type-checker only loses them.
          () => {},
        );
    },
    [services, dispatch],
  );

  const start = useCallback(
    (taskId: string) => {
      current.current?.controller.abort();
      const runId = ++lastRunId.current;
      const controller = new AbortController();
      current.current = { runId, controller };
      dispatch({ type: 'check-started', taskId, runId, at: Date.now() });
      // Through a promise, so that a service that throws instead of rejecting is handled alike.
      Promise.resolve()
        .then(() => services.checkTask(taskId, controller.signal))
        .then(
          (result) => {
            if (controller.signal.aborted) return;
            if (current.current?.runId === runId) current.current = undefined;
            // A save that failed (full disk, read-only folder) is said once; the tutor goes on.
            const { progress, notices } = recordResult(
              services.progress,
              services.workspaceDir,
              result,
            );
            // The verdict first: each dispatch is a frame, and Ink holds back a frame that
            // follows another within ~33 ms.
            dispatch({
              type: 'check-finished',
              taskId,
              runId,
              result,
              at: Date.now(),
              ...(progress ? { progress } : {}),
            });
            for (const message of notices) dispatch({ type: 'notice', message });
            typeCheck(taskId);
          },
          (error: unknown) => {
            if (current.current?.runId === runId) current.current = undefined;
            if (isAbort(error)) dispatch({ type: 'check-cancelled', taskId, runId });
            else dispatch({ type: 'check-failed', taskId, runId, message: messageOf(error) });
          },
        );
    },
    [services, dispatch, typeCheck],
  );

  // Leaving the tutor stops whatever is still running.
  useEffect(() => cancel, [cancel]);
  return useMemo(() => ({ start, cancel }), [start, cancel]);
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
