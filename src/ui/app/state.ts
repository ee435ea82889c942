// The tutor's screen state: the one Screen union, the overlays, every feature's slice of the
// state, the actions and effects the one reducer (app/reducer.ts) deals in, and where a launch
// starts. Types and tiny helpers only; each feature's folder holds its own reducer slice.
import type { Course } from '../../lessons/types.js';
import type { SelfMark, WorkspaceProgress } from '../../progress/types.js';
import type { MapAction } from '../map/state.js';
import type { PlotAction, PlotRun } from '../plots/state.js';
import type { ChecklistRun, QuestionAction, QuestionList } from '../questions/state.js';
import type { CellRun, RunAction } from '../run/state.js';
import type { StaleAction, StaleEffect, StaleMark } from '../stale/state.js';
import type { Pane, TaskAction, TaskRun } from '../task/state.js';

/** Where the student is. Navigation is a change of this value and nothing else. */
export type Screen =
  | { readonly screen: 'welcome' }
  | { readonly screen: 'map' }
  | { readonly screen: 'intro'; readonly id: string }
  | { readonly screen: 'task'; readonly id: string }
  /** A task's questions (`a` on the task screen). */
  | { readonly screen: 'questions'; readonly taskId: string }
  /** Typing an answer; `from` is the list to go back to. */
  | { readonly screen: 'answer'; readonly questionId: string; readonly from: QuestionList }
  /** The self-check of a submitted answer: the model answer and the key ideas covered. */
  | { readonly screen: 'feedback'; readonly questionId: string; readonly from: QuestionList }
  /** Every question of the lab with its state (`v` on the map). */
  | { readonly screen: 'review' }
  /** The submission checklist, re-checked live (`c` on the map). */
  | { readonly screen: 'checklist' };

/** A panel drawn over the screen; keys go to it until it closes. */
export type Overlay =
  | { readonly kind: 'help' }
  | { readonly kind: 'hint'; readonly taskId: string }
  | { readonly kind: 'solution'; readonly taskId: string }
  /** The task's plots, one per page; `page` is the one shown. */
  | { readonly kind: 'plots'; readonly taskId: string; readonly page: number }
  /** The task's notebook cell run on the student's code (`x`; see run/). */
  | { readonly kind: 'run'; readonly taskId: string };

export interface UiState {
  readonly screen: Screen;
  /** The measures of the last frame laid out, which the keys page by. */
  readonly view: View;
  readonly overlay?: Overlay;
  /** Index into `course.lessons` of the lesson selected on the map. */
  readonly cursor: number;
  /** First row of the lesson text shown (task and intro screens). */
  readonly scroll: number;
  /** First row shown in the overlay. */
  readonly overlayScroll: number;
  /** Task screen: lesson and checks, the checks alone, or the lesson alone (`t` cycles). */
  readonly pane: Pane;
  /** First row of the checks shown when they have the screen to themselves. */
  readonly checksScroll: number;
  /** The progress store's record of this workspace, as of its last change. */
  readonly progress: WorkspaceProgress;
  readonly runs: Readonly<Record<string, TaskRun>>;
  /** Per task, its plots as computed in this session (none until the first). */
  readonly plots?: Readonly<Record<string, PlotRun>>;
  /** Per task, its notebook cell's runs in this session (none until the first `x`). */
  readonly cells?: Readonly<Record<string, CellRun>>;
  /** Per task, the check whose own hint `h` has shown (it comes before the staged hints). */
  readonly checkHintShown: Readonly<Record<string, string>>;
  /** A task that passed for the first time while its screen was open. */
  readonly celebrating?: string;
  /** The workspace file open in the student's editor; the terminal is the editor's meanwhile. */
  readonly editing?: string;
  /** A one-line message for the student, cleared by the next key. */
  readonly notice?: string;
  /** The question selected on the questions and review screens. */
  readonly questionCursor?: number;
  /** First row shown on the feedback screen. */
  readonly answerScroll?: number;
  /** The checklist screen's run. */
  readonly checklist?: ChecklistRun;
  /**
   * Answers the gate did not accept, by question id: the answer screen starts from them, so that
   * the student fixes their text rather than typing it again.
   */
  readonly drafts?: Readonly<Record<string, string>>;
  /** Tasks whose files changed since their recorded verdict, re-checked in the background. */
  readonly stale?: Readonly<Record<string, StaleMark>>;
}

/**
 * Measures of the frame on screen, for scrolling by pages and stopping at the end. app/App.tsx
 * lays the frame out once per render and hands them to the reducer (`measured`), so a key never
 * lays out the frame itself.
 */
export interface View {
  /** Rows of lesson text shown, and the largest useful scroll offset. */
  readonly page: number;
  readonly maxScroll: number;
  /** The same for the open overlay. */
  readonly overlayPage: number;
  readonly overlayMax: number;
  /** The terminal is under 80×24: only quitting works. */
  readonly tooSmall: boolean;
}

/** The measures before the first frame is laid out. */
export const unmeasured: View = {
  page: 1,
  maxScroll: 0,
  overlayPage: 1,
  overlayMax: 0,
  tooSmall: false,
};

/** Everything that can happen: keys (through the keymap) and answers from the services. */
export type Action =
  | AppAction
  | MapAction
  | TaskAction
  | PlotAction
  | QuestionAction
  | RunAction
  | StaleAction;

/** The actions app/reducer.ts handles itself: quitting, the help, overlays, the store. */
export type AppAction =
  | { readonly type: 'quit' }
  | { readonly type: 'overlay-scroll'; readonly by: number; readonly max: number }
  | { readonly type: 'help' }
  | { readonly type: 'close-overlay' }
  | { readonly type: 'progress'; readonly progress: WorkspaceProgress }
  | { readonly type: 'notice'; readonly message: string }
  /** The frame was laid out with these measures (app/App.tsx, after each render). */
  | { readonly type: 'measured'; readonly view: View };

/** Side effects the reducer asks for; app/use-tutor.ts performs them. */
export type Effect =
  | StaleEffect
  | { readonly type: 'check'; readonly taskId: string }
  | { readonly type: 'cancel-check' }
  | { readonly type: 'record-hint'; readonly taskId: string }
  | { readonly type: 'set-last-lesson'; readonly lessonId: string }
  | { readonly type: 'open-editor'; readonly file: string }
  | { readonly type: 'restore-file'; readonly taskId: string }
  | { readonly type: 'compute-plots'; readonly taskId: string }
  | { readonly type: 'run-cell'; readonly taskId: string }
  | { readonly type: 'save-answer'; readonly questionId: string; readonly text: string }
  | {
      readonly type: 'mark-idea';
      readonly questionId: string;
      readonly ideaId: string;
      readonly mark: SelfMark | undefined;
    }
  | { readonly type: 'edit-answer'; readonly questionId: string }
  | { readonly type: 'run-checklist' }
  | { readonly type: 'exit' };

export interface Update {
  readonly state: UiState;
  readonly effects: readonly Effect[];
}

/** Where a launch starts: the welcome on a new workspace, else the map on the last lesson. */
export function initialState(
  course: Course,
  progress: WorkspaceProgress,
  firstLaunch: boolean,
): UiState {
  const last = course.lessons.findIndex((lesson) => lesson.id === progress.lastLesson);
  return {
    screen: firstLaunch ? { screen: 'welcome' } : { screen: 'map' },
    view: unmeasured,
    cursor: Math.max(0, last),
    scroll: 0,
    overlayScroll: 0,
    pane: 'both',
    checksScroll: 0,
    progress,
    runs: {},
    checkHintShown: {},
  };
}

/** No side effects. */
export const none: readonly Effect[] = [];

export function closeOverlay(state: UiState): UiState {
  return { ...state, overlay: undefined, overlayScroll: 0 };
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}
