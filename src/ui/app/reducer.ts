// The one reducer: the next state, and the side effects to perform as data, for any action. It
// hands each action to its feature's slice (map/, task/, plots/, questions/, run/) and handles
// quitting, the help, overlays and the store's answers itself. Pure; app/use-tutor.ts performs
// the effects.
import type { Course } from '../../lessons/types.js';
import { isMapAction, reduceMap } from '../map/reducer.js';
import { isPlotAction, reducePlots } from '../plots/reducer.js';
import { plotAnswerTypes } from '../plots/state.js';
import { isQuestionAction, reduceQuestions } from '../questions/reducer.js';
import { questionAnswerTypes } from '../questions/state.js';
import { reduceRun } from '../run/reducer.js';
import { isRunAction, runAnswerTypes } from '../run/state.js';
import { reduceStale, scheduleStale } from '../stale/reducer.js';
import { isStaleAction, staleAnswerTypes } from '../stale/state.js';
import { isTaskAction, reduceTask } from '../task/reducer.js';
import { taskAnswerTypes } from '../task/state.js';
import { currentTask } from './course.js';
import {
  type Action,
  clamp,
  closeOverlay,
  none,
  type UiState,
  type Update,
  type View,
} from './state.js';

/** The one reducer: the next state, and the side effects to perform, for `action`. */
export function reduce(state: UiState, action: Action, course: Course): Update {
  // Any key clears the last notice; answers from the services leave it.
  const base =
    isKeyAction(action) && state.notice !== undefined ? { ...state, notice: undefined } : state;
  return scheduleStale(reduceAction(base, action, course), action);
}

// What is not a key: the answers of the services, the store and the editor, and the frame's
// measures. They leave the notice on screen.
const answerTypes: ReadonlySet<string> = new Set<Action['type']>([
  'progress',
  'notice',
  'measured',
  ...taskAnswerTypes,
  ...plotAnswerTypes,
  ...questionAnswerTypes,
  ...runAnswerTypes,
  ...staleAnswerTypes,
]);

function isKeyAction(action: Action): boolean {
  return !answerTypes.has(action.type);
}

function reduceAction(state: UiState, action: Action, course: Course): Update {
  if (isQuestionAction(action)) return reduceQuestions(state, action, course);
  if (isRunAction(action)) return reduceRun(state, action, currentTask(state, course)?.id);
  if (isStaleAction(action)) return reduceStale(state, action);
  if (isPlotAction(action)) return reducePlots(state, action, currentTask(state, course));
  if (isMapAction(action)) return reduceMap(state, action, course);
  if (isTaskAction(action)) return reduceTask(state, action, course);
  switch (action.type) {
    case 'measured':
      return sameView(state.view, action.view)
        ? { state, effects: none }
        : { state: { ...state, view: action.view }, effects: none };
    case 'quit':
      return { state, effects: [{ type: 'cancel-check' }, { type: 'exit' }] };
    case 'overlay-scroll':
      return {
        state: { ...state, overlayScroll: clamp(state.overlayScroll + action.by, 0, action.max) },
        effects: none,
      };
    case 'help':
      return { state: { ...state, overlay: { kind: 'help' }, overlayScroll: 0 }, effects: none };
    case 'close-overlay':
      return { state: closeOverlay(state), effects: none };
    case 'progress':
      return { state: { ...state, progress: action.progress }, effects: none };
    case 'notice':
      return { state: { ...state, notice: action.message }, effects: none };
  }
}

function sameView(a: View, b: View): boolean {
  return (
    a.page === b.page &&
    a.maxScroll === b.maxScroll &&
    a.overlayPage === b.overlayPage &&
    a.overlayMax === b.overlayMax &&
    a.tooSmall === b.tooSmall
  );
}
