// The tutor's store: holds the UiState, sends every action through the one reducer, and
// performs the effects the reducer asks for with the services. The only place where a key
// turns into a side effect.
import { useApp } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';
import { latestAnswer } from '../../progress/answers.js';
import useWorkspaceWatch from '../hooks/use-workspace-watch.js';
import usePlots from '../plots/use-plots.js';
import { findQuestion } from '../questions/reducer.js';
import useChecklist from '../questions/use-checklist.js';
import useCellRun from '../run/use-cell-run.js';
import type { AnswerSaved, TutorServices } from '../services.js';
import useStaleChecks from '../stale/use-stale-checks.js';
import useTaskRunner from '../task/use-task-runner.js';
import type { TerminalControl } from '../terminal.js';
import { checkingShownAfterMs, redrawFor } from './redraw.js';
import { reduce } from './reducer.js';
import { type Action, type Effect, initialState, type UiState } from './state.js';

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
  const [state, setState] = useState((): UiState => {
    const first = initialState(course, progress.workspace(workspaceDir), services.firstLaunch);
    // A damaged progress file moved aside, or one that cannot be saved: said on the first frame.
    const notices = progress.takeNotices();
    return notices.length > 0 ? { ...first, notice: notices.join(' ') } : first;
  });
  // The reducer reads the latest state even between renders (two keys in one chunk of input),
  // and keys act on it even while it waits to be drawn (see redraw.ts).
  const latest = useRef(state);
  const drawTimer = useRef<NodeJS.Timeout | undefined>(undefined);
  const draw = useCallback(() => {
    clearTimeout(drawTimer.current);
    drawTimer.current = undefined;
    setState(latest.current);
  }, []);
  useEffect(() => () => clearTimeout(drawTimer.current), []);
  const dispatchRef = useRef<(action: Action) => void>(() => {});
  const dispatch = useCallback((action: Action) => dispatchRef.current(action), []);
  const runner = useTaskRunner(services, dispatch);
  const stale = useStaleChecks(services, dispatch);
  const screenTaskId = state.screen.screen === 'task' ? state.screen.id : undefined;
  const plots = usePlots(services, dispatch, screenTaskId);
  const cell = useCellRun(services, dispatch, screenTaskId);

  const perform = (effect: Effect): void => {
    switch (effect.type) {
      case 'check':
        runner.start(effect.taskId);
        return;
      case 'cancel-check':
        runner.cancel();
        return;
      case 'check-stale':
        stale.start(effect.taskId);
        return;
      case 'cancel-stale':
        stale.cancel();
        return;
      case 'compute-plots':
        plots.start(effect.taskId);
        return;
      case 'run-cell':
        cell.start(effect.taskId);
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
      case 'restore-file':
        Promise.resolve()
          .then(() => services.restoreTaskFile(effect.taskId))
          .then(
            (outcome) => {
              const file = course.tasks.find((task) => task.id === effect.taskId)?.file;
              dispatch({
                type: 'notice',
                message:
                  outcome === 'restored'
                    ? `Restored the starter of ${file}.`
                    : `${file} is there again: nothing was restored.`,
              });
              runner.start(effect.taskId);
            },
            (error: unknown) =>
              dispatch({
                type: 'notice',
                message: error instanceof Error ? error.message : String(error),
              }),
          );
        return;
      case 'save-answer':
        storeAnswer(() => services.saveAnswer(effect.questionId, effect.text));
        return;
      case 'mark-idea':
        storeAnswer(() => services.markIdea(effect.questionId, effect.ideaId, effect.mark));
        return;
      case 'edit-answer':
        editAnswer(effect.questionId);
        return;
      case 'run-checklist':
        checklist.start();
        return;
      case 'exit':
        exit();
        return;
    }
  };

  // The answer file is created (with the last answer) on first use, written in the editor, and
  // read back; the reducer submits what it holds.
  const editAnswer = (questionId: string): void => {
    const found = findQuestion(course, questionId);
    if (!found) return;
    const now = latest.current;
    const draft = now.drafts?.[questionId] ?? latestAnswer(now.progress, questionId)?.text ?? '';
    void terminal
      .suspend(async () => {
        const file = await services.prepareAnswerFile(questionId, found.question.prompt, draft);
        await services.openInEditor(file);
        return services.readAnswerFile(file);
      })
      .then(
        (text) =>
          dispatch({ type: 'answer-edited', questionId, text, at: new Date().toISOString() }),
        (error: unknown) =>
          dispatch({
            type: 'answer-edited',
            questionId,
            error: error instanceof Error ? error.message : String(error),
          }),
      );
  };
  const checklist = useChecklist(services, dispatch);

  // What the store has to say about its file (moved aside, cannot be saved), said once.
  const sayStoreNotices = () => {
    for (const message of progress.takeNotices()) dispatch({ type: 'notice', message });
  };

  // A failure to save progress is shown, not thrown: the student can go on working.
  const store = (write: () => UiState['progress']) => {
    try {
      dispatch({ type: 'progress', progress: write() });
    } catch (error) {
      dispatch({ type: 'notice', message: error instanceof Error ? error.message : String(error) });
    }
    sayStoreNotices();
  };

  // Answers go to the store and to the workspace's files; a file that cannot be written is said.
  const storeAnswer = (write: () => Promise<AnswerSaved>) => {
    Promise.resolve()
      .then(write)
      .then(
        ({ progress: next, fileError }) => {
          dispatch({ type: 'progress', progress: next });
          if (fileError) dispatch({ type: 'notice', message: fileError });
        },
        (error: unknown) =>
          dispatch({
            type: 'notice',
            message: error instanceof Error ? error.message : String(error),
          }),
      )
      .finally(sayStoreNotices);
  };

  // The first frame is drawn from what the progress file held; once the store has opened it
  // (conf loads meanwhile), its notices (a damaged file moved aside) are said, and its record
  // drawn, which another tutor may have changed in between.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per tutor, with its services
  useEffect(() => {
    let live = true;
    void progress.whenOpen().then(() => {
      if (live) store(() => progress.workspace(workspaceDir));
    });
    return () => {
      live = false;
    };
  }, []);

  // Once, after the first frame: answers recorded before the workspace kept them are written out,
  // and a file the student edited meanwhile wins (through the gate); the notice says what changed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per tutor, with its services
  useEffect(() => {
    let live = true;
    void services.syncAnswers().then(
      (sync) => {
        if (!live) return;
        dispatch({ type: 'progress', progress: sync.progress });
        if (sync.notices.length > 0) dispatch({ type: 'notice', message: sync.notices.join(' ') });
      },
      (error: unknown) => {
        if (live)
          dispatch({
            type: 'notice',
            message: error instanceof Error ? error.message : String(error),
          });
      },
    );
    return () => {
      live = false;
    };
  }, [services]);

  dispatchRef.current = (action: Action) => {
    const before = latest.current;
    const update = reduce(before, action, course);
    if (update.state !== before) {
      latest.current = update.state;
      const when = redrawFor(action, before, update.state);
      if (when === 'now') draw();
      else if (when === 'soon') drawTimer.current ??= setTimeout(draw, checkingShownAfterMs);
    }
    for (const effect of update.effects) perform(effect);
  };

  useWorkspaceWatch(services, (files) => dispatch({ type: 'files-saved', files }));
  const current = useCallback(() => latest.current, []);
  return { state, current, dispatch };
}
