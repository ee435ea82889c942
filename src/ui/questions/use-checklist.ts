// Runs the checklist's checks: every task once, one after the other, through the services, each
// verdict recorded in the progress store. A newer run (or leaving the tutor) cancels the old one.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { recordResult } from '../../progress/record-results.js';
import type { Action } from '../app/state.js';
import type { TutorServices } from '../services.js';

export interface ChecklistRunner {
  /** Checks every task of the course now, cancelling a run in flight. */
  start(): void;
}

type Services = Pick<TutorServices, 'course' | 'checkTask' | 'progress' | 'workspaceDir'>;

export default function useChecklist(
  services: Services,
  dispatch: (action: Action) => void,
): ChecklistRunner {
  const current = useRef<AbortController | undefined>(undefined);

  const start = useCallback(() => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    dispatch({ type: 'checklist-started', at: Date.now() });
    void (async () => {
      try {
        for (const task of services.course.tasks) {
          const result = await services.checkTask(task.id, controller.signal);
          if (controller.signal.aborted) return;
          const { progress, notices } = recordResult(
            services.progress,
            services.workspaceDir,
            result,
          );
          dispatch({ type: 'checklist-result', result, ...(progress ? { progress } : {}) });
          for (const message of notices) dispatch({ type: 'notice', message });
        }
        dispatch({ type: 'checklist-finished' });
      } catch (error) {
        if (controller.signal.aborted) return;
        dispatch({ type: 'checklist-finished', error: messageOf(error) });
      } finally {
        if (current.current === controller) current.current = undefined;
      }
    })();
  }, [services, dispatch]);

  useEffect(() => () => current.current?.abort(), []);
  return useMemo(() => ({ start }), [start]);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
