// The start-up re-check: once the first frame is on screen, asks which tasks' files changed
// since their recorded verdict, and checks those the reducer hands over (`check-stale`), one at
// a time, through the same services a save uses; each verdict is recorded like any other.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { recordResult } from '../../progress/record-results.js';
import type { Action } from '../app/state.js';
import { afterFrame } from '../hooks/after-frame.js';
import type { TutorServices } from '../services.js';

/** Runs the background checks the reducer asks for. */
export interface StaleChecks {
  /** Checks `taskId` in the background, cancelling the one in flight. */
  start(taskId: string): void;
  /** Cancels the background check in flight, if any (it stays queued in the state). */
  cancel(): void;
}

type Services = Pick<TutorServices, 'staleTasks' | 'checkTask' | 'progress' | 'workspaceDir'>;

export default function useStaleChecks(
  services: Services,
  dispatch: (action: Action) => void,
): StaleChecks {
  const current = useRef<AbortController | undefined>(undefined);

  const cancel = useCallback(() => {
    current.current?.abort();
    current.current = undefined;
  }, []);

  const start = useCallback(
    (taskId: string) => {
      current.current?.abort();
      const controller = new AbortController();
      current.current = controller;
      Promise.resolve()
        .then(() => services.checkTask(taskId, controller.signal))
        .then(
          (result) => {
            if (controller.signal.aborted) return;
            current.current = undefined;
            const { progress, notices } = recordResult(
              services.progress,
              services.workspaceDir,
              result,
            );
            const at = Date.now();
            dispatch({
              type: 'stale-checked',
              taskId,
              result,
              at,
              ...(progress ? { progress } : {}),
            });
            for (const message of notices) dispatch({ type: 'notice', message });
          },
          () => {
            // Cancelled: the reducer has queued it again, or the tutor is quitting.
            if (controller.signal.aborted) return;
            current.current = undefined;
            dispatch({ type: 'stale-failed', taskId });
          },
        );
    },
    [services, dispatch],
  );

  // Once, after the first frame: reading and hashing the files is never in its way.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per tutor, with its services
  useEffect(() => {
    let live = true;
    void afterFrame()
      .then(() => (live ? services.staleTasks() : []))
      .then(
        (tasks) => {
          if (live && tasks.length > 0) dispatch({ type: 'stale-found', tasks });
        },
        // The map keeps the recorded verdicts, as it did before this check existed.
        () => {},
      );
    return () => {
      live = false;
    };
  }, [services]);

  // Leaving the tutor stops the background check.
  useEffect(() => cancel, [cancel]);
  return useMemo(() => ({ start, cancel }), [start, cancel]);
}
