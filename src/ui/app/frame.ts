// The frame, laid out once per render: the terminal's size, the footer's lines, the screen's
// height, and each screen's fitted rows with the measures the keys page by. Pure functions of
// the state, the course and the size; app/App.tsx draws what they return.
import type { Course, IntroLesson, TaskLesson } from '../../lessons/types.js';
import { type IntroLayout, introLayout } from '../intro/layout.js';
import { questionView } from '../questions/rows.js';
import { type TaskLayout, taskLayout } from '../task/layout.js';
import { resultRows } from '../task/verdict-rows.js';
import { findLesson } from './course.js';
import { footerLines } from './footer-lines.js';
import { footerItems } from './keymap.js';
import { type OverlayLayout, overlayLayout } from './overlay.js';
import type { UiState, View } from './state.js';

export interface Size {
  readonly columns: number;
  readonly rows: number;
}

/** The smallest terminal the screens are laid out for. */
export const minimumSize: Size = { columns: 80, rows: 24 };

export function isTooSmall(size: Size): boolean {
  return size.columns < minimumSize.columns || size.rows < minimumSize.rows;
}

/**
 * Rows the frame takes: one less than the terminal, because a frame as tall as the terminal
 * makes Ink clear the whole screen on every redraw (it flickers).
 */
export function frameHeight(size: Size): number {
  return Math.max(1, size.rows - 1);
}

/** Rows of a screen: the frame less the footer and, when there is one, the notice. */
export function screenHeight(state: UiState, size: Size, footerHeight: number): number {
  return frameHeight(size) - footerHeight - (state.notice ? 1 : 0);
}

/** Everything a frame shows, fitted to the terminal, and the measures the keymap pages by. */
export interface FrameModel {
  readonly view: View;
  /** The footer's lines of keys (one or two). */
  readonly footer: readonly (readonly string[])[];
  /** Rows of the screen: the frame less the footer and the notice. */
  readonly screenHeight: number;
  readonly task?: { readonly lesson: TaskLesson; readonly layout: TaskLayout };
  readonly intro?: { readonly lesson: IntroLesson; readonly layout: IntroLayout };
  readonly overlay?: OverlayLayout;
}

export function frameModel(state: UiState, course: Course, size: Size): FrameModel {
  const tooSmall = isTooSmall(size);
  const footer = footerLines(footerItems(state, { tooSmall }, course), size.columns);
  const screen = screenHeight(state, size, footer.length);
  const lesson =
    state.screen.screen === 'task' || state.screen.screen === 'intro'
      ? findLesson(course, state.screen.id)
      : undefined;
  const task =
    lesson?.kind === 'task'
      ? { lesson, layout: taskLayout(state, course, lesson, size.columns, screen) }
      : undefined;
  const intro =
    lesson?.kind === 'intro'
      ? { lesson, layout: introLayout(state, lesson, size.columns, screen) }
      : undefined;
  const text = task
    ? { page: task.layout.page, maxScroll: task.layout.maxScroll }
    : intro
      ? {
          page: intro.layout.textHeight,
          maxScroll: Math.max(0, intro.layout.text.length - intro.layout.textHeight),
        }
      : undefined;
  // Over a task, an overlay takes the body; elsewhere, the whole screen.
  const overlay = overlayLayout(
    state,
    course,
    size.columns,
    task ? task.layout.bodyHeight : screen,
    task && state.overlay?.kind === 'hint'
      ? resultRows(state, course, task.lesson, state.runs[task.lesson.id], size.columns)
      : [],
  );
  const overlayPage = overlay ? Math.max(1, overlay.height - 3) : 1;
  // The feedback screen pages through the review of an answer: its own measures.
  const view = questionView(state, course, size.columns, screen, {
    page: text?.page ?? 1,
    maxScroll: text?.maxScroll ?? 0,
    overlayPage,
    overlayMax: overlay ? Math.max(0, overlay.rows.length - overlayPage) : 0,
    tooSmall,
  });
  return {
    view,
    footer,
    screenHeight: screen,
    ...(task ? { task } : {}),
    ...(intro ? { intro } : {}),
    ...(overlay ? { overlay } : {}),
  };
}
