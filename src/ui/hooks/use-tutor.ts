// The tutor's store: holds the UiState, sends every action through the one reducer, and
// performs the effects the reducer asks for with the services. The only place where a key
// turns into a side effect.
import { useApp } from 'ink';
import { useCallback, useRef, useState } from 'react';
import type { TutorServices } from '../services.js';
import { type Action, type Effect, initialState, reduce, type UiState } from '../state.js';
import type { TerminalControl } from '../terminal.js';
import useTaskRunner from './use-task-runner.js';
import useWorkspaceWatch from './use-workspace-watch.js';

export interface Tutor {
  /** The state of this render. */
  readonly state: UiState;
  /** The state as of the last action, which may be newer than this render's. */
  readonly current: () => UiState;
  readonly dispatch: (action: Action) => void;
}

export default function useTutor(services: TutorServices, terminal: TerminalControl): Tutor {
  const { exit } = useApp();
  const { course, workspaceDir, progress } = services;
  const [state, setState] = useState(() =>
    initialState(course, progress.workspace(workspaceDir), services.firstLaunch),
  );
  // The reducer reads the latest state even between renders (two keys in one chunk of input).
  const latest = useRef(state);
  const dispatchRef = useRef<(action: Action) => void>(() => {});
  const dispatch = useCallback((action: Action) => dispatchRef.current(action), []);
  const runner = useTaskRunner(services, dispatch);

  const perform = (effect: Effect): void => {
    switch (effect.type) {
      case 'check':
        runner.start(effect.taskId);
        return;
      case 'cancel-check':
        runner.cancel();
        return;
      case 'record-hint':
        store(() => progress.recordHint(workspaceDir, effect.taskId));
        return;
      case 'set-last-lesson':
        store(() => progress.setLastLesson(workspaceDir, effect.lessonId));
        return;
      case 'open-editor':
        void terminal
          .suspend(() => services.openInEditor(effect.file))
          .then(
            () => dispatch({ type: 'editor-closed' }),
            (error: unknown) =>
              dispatch({
                type: 'editor-closed',
                error: error instanceof Error ? error.message : String(error),
              }),
          );
        return;
      case 'exit':
        exit();
        return;
    }
  };

  // A failure to save progress is shown, not thrown: the student can go on working.
  const store = (write: () => UiState['progress']) => {
    try {
      dispatch({ type: 'progress', progress: write() });
    } catch (error) {
      dispatch({ type: 'notice', message: error instanceof Error ? error.message : String(error) });
    }
  };

  dispatchRef.current = (action: Action) => {
    const update = reduce(latest.current, action, course);
    if (update.state !== latest.current) {
      latest.current = update.state;
      setState(update.state);
    }
    for (const effect of update.effects) perform(effect);
  };

  useWorkspaceWatch(services, (files) => dispatch({ type: 'files-saved', files }));
  const current = useCallback(() => latest.current, []);
  return { state, current, dispatch };
}
