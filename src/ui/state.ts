// The tutor's screen state and the one reducer that changes it. Pure: it returns the next state
// and the side effects to perform as data; hooks perform them (see hooks/use-tutor.ts).
import type { CheckResult, Diagnostic, TaskResult } from '../engine/types.js';
import type { Course, Lesson, TaskLesson } from '../lessons/types.js';
import type { WorkspaceProgress } from '../progress/types.js';
import { isComplete, isUnlocked, prerequisite } from '../progress/unlock.js';

/** Where the student is. Navigation is a change of this value and nothing else. */
export type Screen =
  | { readonly screen: 'welcome' }
  | { readonly screen: 'map' }
  | { readonly screen: 'intro'; readonly id: string }
  | { readonly screen: 'task'; readonly id: string };

/** A panel drawn over the screen; keys go to it until it closes. */
export type Overlay =
  | { readonly kind: 'help' }
  | { readonly kind: 'hint'; readonly taskId: string }
  | { readonly kind: 'solution'; readonly taskId: string };

/** What is known about the checks of one task in this session. */
export interface TaskRun {
  /** The check in flight; its result replaces `last` unless a newer run supersedes it. */
  readonly running?: { readonly runId: number; readonly startedAt: number };
  readonly last?: { readonly result: TaskResult; readonly checkedAt: number };
  /** The student cancelled the last run (Esc). */
  readonly cancelled?: boolean;
  /** The tutor failed to run the checks at all (a bug on our side), in one sentence. */
  readonly error?: string;
  /** Type errors of the file, from the type-checker; undefined until it has answered. */
  readonly typeErrors?: readonly Diagnostic[];
}

export interface UiState {
  readonly screen: Screen;
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
  /** Per task, the check whose own hint `h` has shown (it comes before the staged hints). */
  readonly checkHintShown: Readonly<Record<string, string>>;
  /** A task that passed for the first time while its screen was open. */
  readonly celebrating?: string;
  /** The workspace file open in the student's editor; the terminal is the editor's meanwhile. */
  readonly editing?: string;
  /** A one-line message for the student, cleared by the next key. */
  readonly notice?: string;
}

/** What the task screen's body shows. */
export type Pane = 'both' | 'checks' | 'lesson';

/** The pane `t` switches to from `pane`. */
export function nextPane(pane: Pane): Pane {
  return pane === 'both' ? 'checks' : pane === 'checks' ? 'lesson' : 'both';
}

/** Everything that can happen: keys (through the keymap) and answers from the services. */
export type Action =
  | { readonly type: 'quit' }
  | { readonly type: 'continue' }
  | { readonly type: 'move'; readonly by: number }
  | { readonly type: 'open' }
  | { readonly type: 'back' }
  | { readonly type: 'scroll'; readonly by: number; readonly max: number }
  | { readonly type: 'overlay-scroll'; readonly by: number; readonly max: number }
  | { readonly type: 'cycle-pane' }
  | { readonly type: 'recheck' }
  | { readonly type: 'cancel' }
  | { readonly type: 'hint' }
  | { readonly type: 'solution' }
  | { readonly type: 'edit' }
  | { readonly type: 'next' }
  | { readonly type: 'help' }
  | { readonly type: 'close-overlay' }
  | { readonly type: 'files-saved'; readonly files: readonly string[] }
  | {
      readonly type: 'check-started';
      readonly taskId: string;
      readonly runId: number;
      readonly at: number;
    }
  | {
      readonly type: 'check-finished';
      readonly taskId: string;
      readonly runId: number;
      readonly result: TaskResult;
      readonly at: number;
      readonly progress?: WorkspaceProgress;
    }
  | { readonly type: 'check-cancelled'; readonly taskId: string; readonly runId: number }
  | {
      readonly type: 'check-failed';
      readonly taskId: string;
      readonly runId: number;
      readonly message: string;
    }
  | {
      readonly type: 'type-checked';
      readonly taskId: string;
      readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly type: 'progress'; readonly progress: WorkspaceProgress }
  | { readonly type: 'editor-closed'; readonly error?: string }
  | { readonly type: 'notice'; readonly message: string };

/** Side effects the reducer asks for; hooks/use-tutor.ts performs them. */
export type Effect =
  | { readonly type: 'check'; readonly taskId: string }
  | { readonly type: 'cancel-check' }
  | { readonly type: 'record-hint'; readonly taskId: string }
  | { readonly type: 'set-last-lesson'; readonly lessonId: string }
  | { readonly type: 'open-editor'; readonly file: string }
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

// --- selectors (pure; screens and the keymap use them too) ------------------------------------

export function findTask(course: Course, id: string): TaskLesson | undefined {
  return course.tasks.find((task) => task.id === id);
}

export function findLesson(course: Course, id: string): Lesson | undefined {
  return course.lessons.find((lesson) => lesson.id === id);
}

/** The task whose screen is open, if any. */
export function currentTask(state: UiState, course: Course): TaskLesson | undefined {
  return state.screen.screen === 'task' ? findTask(course, state.screen.id) : undefined;
}

/** True once the task's checks have passed (the reference solution may be shown). */
export function hasPassed(state: UiState, taskId: string): boolean {
  return isComplete(state.progress.tasks[taskId]);
}

/** The task after `task` in the course, if any. */
export function nextTask(course: Course, task: TaskLesson): TaskLesson | undefined {
  return course.tasks[course.tasks.indexOf(task) + 1];
}

/** "complete bce-loss first", for a task that is still locked. */
export function lockedReason(course: Course, task: TaskLesson): string {
  const before = prerequisite(course, task);
  return before ? `complete ${before.id} first` : 'locked';
}

/** The first failing check of the last result that has a hint of its own, with that hint. */
export function failingCheckHint(
  task: TaskLesson,
  run: TaskRun | undefined,
): { readonly check: CheckResult; readonly hint: string } | undefined {
  for (const check of run?.last?.result.checks ?? []) {
    if (check.passed || check.skipped) continue;
    const hint =
      task.checkHints[check.name] ??
      (check.mistake ? task.mistakes[check.mistake]?.hint : undefined);
    if (hint) return { check, hint };
  }
  return undefined;
}

/** True when a save of `file` can change the verdict of `task`. */
export function affects(course: Course, task: TaskLesson, file: string): boolean {
  if (file === task.file) return true;
  const owner = course.tasks.find((other) => other.file === file);
  // A later task's file cannot be imported by an earlier one (it is not written yet); lab.ts and
  // files of the student's own can be, and so can earlier tasks' files.
  return owner === undefined || course.tasks.indexOf(owner) < course.tasks.indexOf(task);
}

// --- the reducer ----------------------------------------------------------------------------

const none: readonly Effect[] = [];

/** The one reducer: the next state, and the side effects to perform, for `action`. */
export function reduce(state: UiState, action: Action, course: Course): Update {
  // Any key clears the last notice; answers from the services leave it.
  const base =
    isKeyAction(action) && state.notice !== undefined ? { ...state, notice: undefined } : state;
  return reduceAction(base, action, course);
}

function isKeyAction(action: Action): boolean {
  return ![
    'files-saved',
    'check-started',
    'check-finished',
    'check-cancelled',
    'check-failed',
    'type-checked',
    'progress',
    'editor-closed',
    'notice',
  ].includes(action.type);
}

function reduceAction(state: UiState, action: Action, course: Course): Update {
  const task = currentTask(state, course);
  switch (action.type) {
    case 'quit':
      return { state, effects: [{ type: 'cancel-check' }, { type: 'exit' }] };
    case 'continue':
      return { state: { ...state, screen: { screen: 'map' } }, effects: none };
    case 'move': {
      const cursor = Math.min(Math.max(0, state.cursor + action.by), course.lessons.length - 1);
      return { state: { ...state, cursor }, effects: none };
    }
    case 'open': {
      const lesson = course.lessons[state.cursor];
      return lesson ? open(state, course, lesson) : { state, effects: none };
    }
    case 'next': {
      if (state.screen.screen === 'intro') {
        const first = course.tasks[0];
        return first ? open(state, course, first) : { state, effects: none };
      }
      if (!task) return { state, effects: none };
      const following = nextTask(course, task);
      if (!following)
        return {
          state: { ...state, notice: `${task.id} is the last task of the lab.` },
          effects: none,
        };
      return open(state, course, following);
    }
    case 'back':
      if (state.overlay) return { state: closeOverlay(state), effects: none };
      if (state.screen.screen === 'task' || state.screen.screen === 'intro') {
        return {
          state: { ...state, screen: { screen: 'map' }, celebrating: undefined, pane: 'both' },
          effects: none,
        };
      }
      return { state, effects: none };
    case 'scroll':
      // With the checks alone on screen, the keys that scroll the lesson scroll them.
      if (state.screen.screen === 'task' && state.pane === 'checks') {
        return {
          state: { ...state, checksScroll: clamp(state.checksScroll + action.by, 0, action.max) },
          effects: none,
        };
      }
      return {
        state: { ...state, scroll: clamp(state.scroll + action.by, 0, action.max) },
        effects: none,
      };
    case 'overlay-scroll':
      return {
        state: { ...state, overlayScroll: clamp(state.overlayScroll + action.by, 0, action.max) },
        effects: none,
      };
    case 'cycle-pane':
      return { state: { ...state, pane: nextPane(state.pane), checksScroll: 0 }, effects: none };
    case 'help':
      return { state: { ...state, overlay: { kind: 'help' }, overlayScroll: 0 }, effects: none };
    case 'close-overlay':
      return { state: closeOverlay(state), effects: none };
    case 'recheck':
      return task
        ? { state, effects: [{ type: 'check', taskId: task.id }] }
        : { state, effects: none };
    case 'cancel':
      return { state, effects: [{ type: 'cancel-check' }] };
    case 'hint':
      return task ? hint(state, task) : { state, effects: none };
    case 'solution':
      if (!task) return { state, effects: none };
      if (!hasPassed(state, task.id)) {
        return {
          state: {
            ...state,
            notice: 'The reference solution opens once your checks pass: first find your own way.',
          },
          effects: none,
        };
      }
      return {
        state: { ...state, overlay: { kind: 'solution', taskId: task.id }, overlayScroll: 0 },
        effects: none,
      };
    case 'edit':
      return task
        ? {
            state: { ...state, editing: task.file, overlay: undefined },
            effects: [{ type: 'open-editor', file: task.file }],
          }
        : { state, effects: none };
    case 'editor-closed': {
      const after = {
        ...state,
        editing: undefined,
        ...(action.error ? { notice: action.error } : {}),
      };
      // The file has most likely changed: check it at once rather than wait for the watcher.
      return { state: after, effects: task ? [{ type: 'check', taskId: task.id }] : none };
    }
    case 'files-saved':
      return task && action.files.some((file) => affects(course, task, file))
        ? { state, effects: [{ type: 'check', taskId: task.id }] }
        : { state, effects: none };
    case 'check-started':
      return {
        state: withRun(state, action.taskId, (run) => ({
          ...run,
          running: { runId: action.runId, startedAt: action.at },
          cancelled: false,
          error: undefined,
        })),
        effects: none,
      };
    case 'check-finished':
      return { state: finished(state, action), effects: none };
    case 'check-cancelled':
      if (state.runs[action.taskId]?.running?.runId !== action.runId)
        return { state, effects: none };
      return {
        state: withRun(state, action.taskId, (run) => ({
          ...run,
          running: undefined,
          cancelled: true,
        })),
        effects: none,
      };
    case 'check-failed':
      if (state.runs[action.taskId]?.running?.runId !== action.runId)
        return { state, effects: none };
      return {
        state: withRun(state, action.taskId, (run) => ({
          ...run,
          running: undefined,
          error: action.message,
        })),
        effects: none,
      };
    case 'type-checked':
      return {
        state: withRun(state, action.taskId, (run) => ({ ...run, typeErrors: action.diagnostics })),
        effects: none,
      };
    case 'progress':
      return { state: { ...state, progress: action.progress }, effects: none };
    case 'notice':
      return { state: { ...state, notice: action.message }, effects: none };
  }
}

/** Opens a lesson (from the map, or with `n`), unless it is still locked. */
function open(state: UiState, course: Course, lesson: Lesson): Update {
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
  if (!isUnlocked(course, state.progress, lesson) && !isComplete(state.progress.tasks[lesson.id])) {
    return {
      state: {
        ...state,
        cursor,
        notice: `${lesson.title} is locked: ${lockedReason(course, lesson)}.`,
      },
      effects: none,
    };
  }
  const effects: Effect[] = [{ type: 'set-last-lesson', lessonId: lesson.id }];
  // A task checked before is checked again: the file may have changed while the tutor was
  // closed. One never checked waits for the student's first save, so it stays "open".
  const run = state.runs[lesson.id];
  if (state.progress.tasks[lesson.id]?.lastStatus !== undefined && !run?.running)
    effects.push({ type: 'check', taskId: lesson.id });
  return { state: { ...reset, screen: { screen: 'task', id: lesson.id } }, effects };
}

/** `h`: the failing check's own hint first (where the lesson has one), then the staged hints. */
function hint(state: UiState, task: TaskLesson): Update {
  const opened = {
    ...state,
    overlay: { kind: 'hint', taskId: task.id } as const,
    overlayScroll: 0,
  };
  const own = failingCheckHint(task, state.runs[task.id]);
  if (own && state.checkHintShown[task.id] !== own.check.name) {
    return {
      state: { ...opened, checkHintShown: { ...state.checkHintShown, [task.id]: own.check.name } },
      effects: none,
    };
  }
  const shown = state.progress.tasks[task.id]?.hintsShown ?? 0;
  if (shown < task.hints.length)
    return { state: opened, effects: [{ type: 'record-hint', taskId: task.id }] };
  return { state: opened, effects: none };
}

function finished(state: UiState, action: Extract<Action, { type: 'check-finished' }>): UiState {
  const run = state.runs[action.taskId];
  // A result of a run that a newer one superseded is dropped; the newer one decides.
  if (run?.running && run.running.runId !== action.runId) return state;
  const passedBefore = hasPassed(state, action.taskId);
  const progress = action.progress ?? state.progress;
  const passed = action.result.status === 'pass';
  const onScreen = state.screen.screen === 'task' && state.screen.id === action.taskId;
  let celebrating = state.celebrating;
  if (passed && !passedBefore && onScreen) celebrating = action.taskId;
  else if (!passed && celebrating === action.taskId) celebrating = undefined;
  return {
    ...withRun(state, action.taskId, (previous) => ({
      ...previous,
      running: undefined,
      cancelled: false,
      error: undefined,
      last: { result: action.result, checkedAt: action.at },
    })),
    progress,
    celebrating,
  };
}

function withRun(state: UiState, taskId: string, change: (run: TaskRun) => TaskRun): UiState {
  return { ...state, runs: { ...state.runs, [taskId]: change(state.runs[taskId] ?? {}) } };
}

function closeOverlay(state: UiState): UiState {
  return { ...state, overlay: undefined, overlayScroll: 0 };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}
