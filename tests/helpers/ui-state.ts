// The UI reducer's tests share these: the fake course, a launch's state, a task on screen, and
// actions applied in turn.
import type { TaskResult } from '../../src/engine/types.js';
import type { WorkspaceProgress } from '../../src/progress/types.js';
import { reduce } from '../../src/ui/app/reducer.js';
import {
  type Action,
  initialState,
  type UiState,
  type Update,
  type View,
} from '../../src/ui/app/state.js';
import { fakeCourse } from './fake-services.js';

/** The fake course the reducer's tests run on. */
export const course = fakeCourse();
export const empty: WorkspaceProgress = { tasks: {} };
/** sigmoid passed once, no hint seen. */
export const passedSigmoid: WorkspaceProgress = {
  tasks: {
    sigmoid: {
      attempts: 1,
      lastStatus: 'pass',
      firstPassedAt: '2026-01-01T00:00:00.000Z',
      hintsShown: 0,
    },
  },
};
/** Measures of a frame, for the keymap. */
export const view: View = {
  page: 10,
  maxScroll: 30,
  overlayPage: 5,
  overlayMax: 3,
  tooSmall: false,
};

/** The state a launch starts in. */
export function start(progress: WorkspaceProgress = empty, firstLaunch = false): UiState {
  return initialState(course, progress, firstLaunch);
}

/** Applies actions in turn; returns the last update and every effect asked for on the way. */
export function run(state: UiState, ...actions: Action[]): Update & { all: Update['effects'] } {
  let update: Update = { state, effects: [] };
  const all: Update['effects'][number][] = [];
  for (const action of actions) {
    update = reduce(update.state, action, course);
    all.push(...update.effects);
  }
  return { ...update, all };
}

/** The state with task `id` on screen. */
export function onTask(id: string, progress: WorkspaceProgress = empty): UiState {
  return {
    ...start(progress),
    screen: { screen: 'task', id },
    cursor: course.lessons.findIndex((lesson) => lesson.id === id),
  };
}

/** A check of `taskId` finished with `result`. */
export function finished(
  taskId: string,
  runId: number,
  result: TaskResult,
  progress?: WorkspaceProgress,
): Action {
  return {
    type: 'check-finished',
    taskId,
    runId,
    result,
    at: 0,
    ...(progress ? { progress } : {}),
  };
}
