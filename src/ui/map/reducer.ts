// The map's reducer slice: moving the selection and opening a lesson, which every screen that
// leads to a lesson (the map, `n` on a task or its questions) does the same way.
import type { Course, Lesson } from '../../lessons/types.js';
import { checksPassed, isUnlocked } from '../../progress/unlock.js';
import { lockedReason } from '../app/course.js';
import { type Effect, none, type UiState, type Update } from '../app/state.js';
import type { MapAction } from './state.js';

const mapActions: ReadonlySet<string> = new Set<MapAction['type']>(['continue', 'move', 'open']);

/** True for an action of this slice. */
export function isMapAction(action: { readonly type: string }): action is MapAction {
  return mapActions.has(action.type);
}

/** The reducer's slice for the welcome's Enter and the map's keys. */
export function reduceMap(state: UiState, action: MapAction, course: Course): Update {
  switch (action.type) {
    case 'continue':
      return { state: { ...state, screen: { screen: 'map' } }, effects: none };
    case 'move': {
      const cursor = Math.min(Math.max(0, state.cursor + action.by), course.lessons.length - 1);
      return { state: { ...state, cursor }, effects: none };
    }
    case 'open': {
      const lesson = course.lessons[state.cursor];
      return lesson ? openLesson(state, course, lesson) : { state, effects: none };
    }
  }
}

/** Opens a lesson (from the map, or with `n`), unless it is still locked. */
export function openLesson(state: UiState, course: Course, lesson: Lesson): Update {
  const cursor = Math.max(0, course.lessons.indexOf(lesson));
  const reset = {
    ...state,
    cursor,
    scroll: 0,
    overlay: undefined,
    celebrating: undefined,
    pane: 'both' as const,
    checksScroll: 0,
  };
  if (lesson.kind === 'intro') {
    return {
      state: { ...reset, screen: { screen: 'intro', id: lesson.id } },
      effects: [{ type: 'set-last-lesson', lessonId: lesson.id }],
    };
  }
  if (
    !isUnlocked(course, state.progress, lesson) &&
    !checksPassed(state.progress.tasks[lesson.id])
  ) {
    return {
      state: {
        ...state,
        cursor,
        notice: `${lesson.title} is locked: ${lockedReason(course, lesson, state.progress)}.`,
      },
      effects: none,
    };
  }
  const effects: Effect[] = [{ type: 'set-last-lesson', lessonId: lesson.id }];
  // A task checked before is checked again: the file may have changed while the tutor was
  // closed. One never checked waits for the student's first save, so it stays "open", unless
  // that save (or a deletion) already came while another screen was open.
  const run = state.runs[lesson.id];
  const checkedBefore = state.progress.tasks[lesson.id]?.lastStatus !== undefined;
  if ((checkedBefore || run?.savedSinceCheck) && !run?.running)
    effects.push({ type: 'check', taskId: lesson.id });
  return { state: { ...reset, screen: { screen: 'task', id: lesson.id } }, effects };
}
