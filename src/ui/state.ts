// The tutor's screen state and the one reducer that changes it. Pure: it returns the next state
// and the side effects to perform as data; hooks perform them (see app/use-tutor.ts).
import type { CheckResult, Diagnostic, TaskResult } from '../engine/types.js';
import { failuresInOrder } from '../engine/verdict.js';
import type { Course, Lesson, Question, TaskLesson } from '../lessons/types.js';
import { plottedTaskIds } from '../plot/definitions.js';
import type { PlotResult } from '../plot/types.js';
import {
  allQuestions,
  findCourseQuestion,
  judge,
  latestAnswer,
  nextSelfMark,
  selfMarksOf,
  withAnswer,
  withSelfMark,
} from '../progress/answers.js';
import type { SelfMark, WorkspaceProgress } from '../progress/types.js';
import { checksPassed, isUnlocked, prerequisite } from '../progress/unlock.js';
import { type LatestRunRecord, nextRecord, type RunEvent } from './latest-run.js';
import {
  type CellRun,
  isRunAction,
  type RunAction,
  reduceRun,
  runAnswerTypes,
} from './run/state.js';
import {
  isStaleAction,
  reduceStale,
  type StaleAction,
  type StaleEffect,
  type StaleMark,
  scheduleStale,
  staleAnswerTypes,
} from './stale/state.js';

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

/** The lists an answer is opened from. */
export type QuestionList = 'questions' | 'review';

/** The checklist's own run of every task's checks (it does not trust old results). */
export interface ChecklistRun {
  readonly running: boolean;
  readonly startedAt: number;
  /** Results of this run, by task id. */
  readonly results: Readonly<Record<string, TaskResult>>;
  readonly error?: string;
}

/** A panel drawn over the screen; keys go to it until it closes. */
export type Overlay =
  | { readonly kind: 'help' }
  | { readonly kind: 'hint'; readonly taskId: string }
  | { readonly kind: 'solution'; readonly taskId: string }
  /** The task's plots, one per page; `page` is the one shown. */
  | { readonly kind: 'plots'; readonly taskId: string; readonly page: number }
  /** The task's notebook cell run on the student's code (`x`; see run/). */
  | { readonly kind: 'run'; readonly taskId: string };

/** What is known about the plots of one task in this session. */
export type PlotRun = LatestRunRecord<PlotResult>;

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
  /**
   * Its file was saved (or deleted) while another screen was open: opening the task checks it,
   * even if it was never checked before.
   */
  readonly savedSinceCheck?: boolean;
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

/** What the task screen's body shows. */
export type Pane = 'both' | 'checks' | 'lesson';

/** The pane `t` switches to from `pane`. */
export function nextPane(pane: Pane): Pane {
  return pane === 'both' ? 'checks' : pane === 'checks' ? 'lesson' : 'both';
}

/** Everything that can happen: keys (through the keymap) and answers from the services. */
export type Action = CoreAction | QuestionAction | RunAction | StaleAction;

type CoreAction =
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
  | { readonly type: 'notice'; readonly message: string }
  /** `R`: put back the starter of the task on screen, whose file was deleted. */
  | { readonly type: 'restore-file' }
  /** `p`: the plots of the task on screen (computed unless fresh ones are there). */
  | { readonly type: 'plots' }
  | { readonly type: 'plot-page'; readonly by: number }
  | {
      readonly type: 'plots-started';
      readonly taskId: string;
      readonly runId: number;
      readonly at: number;
    }
  | {
      readonly type: 'plots-finished';
      readonly taskId: string;
      readonly runId: number;
      readonly result: PlotResult;
    }
  | { readonly type: 'plots-cancelled'; readonly taskId: string; readonly runId: number }
  | {
      readonly type: 'plots-failed';
      readonly taskId: string;
      readonly runId: number;
      readonly message: string;
    };

/** The actions of the questions, review and checklist screens (see `reduceQuestions`). */
export type QuestionAction =
  | { readonly type: 'questions' }
  | { readonly type: 'review' }
  | { readonly type: 'checklist' }
  | { readonly type: 'leave' }
  | { readonly type: 'list-move'; readonly by: number }
  | { readonly type: 'answer-scroll'; readonly by: number; readonly max: number }
  /** Opens the selected question: typing (`type`) or, when answered, its feedback (`read`). */
  | { readonly type: 'open-question'; readonly how: 'type' | 'read' }
  | { readonly type: 'retype-answer' }
  | { readonly type: 'answer-in-editor' }
  /** The student's own mark on the key idea numbered `index` (from 0) of the answer on screen. */
  | { readonly type: 'mark-idea'; readonly index: number; readonly at: string }
  /** `at`: when it was submitted (ISO), the time the answer shows until the store has it. */
  | {
      readonly type: 'submit-answer';
      readonly questionId: string;
      readonly text: string;
      readonly at?: string;
    }
  | {
      readonly type: 'answer-edited';
      readonly questionId: string;
      readonly text?: string;
      readonly at?: string;
      readonly error?: string;
    }
  | { readonly type: 'checklist-started'; readonly at: number }
  | {
      readonly type: 'checklist-result';
      readonly result: TaskResult;
      readonly progress?: WorkspaceProgress;
    }
  | { readonly type: 'checklist-finished'; readonly error?: string };

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
  return checksPassed(state.progress.tasks[taskId]);
}

/** True when the task has plots (every task of the lab has; a test course may not). */
export function taskHasPlots(taskId: string): boolean {
  return plottedTaskIds.includes(taskId);
}

/**
 * Pages of a plot result: one per plot, or one in all when none could be computed (the view then
 * says why once, for every plot).
 */
export function plotPageCount(result: PlotResult): number {
  return result.status === 'failed' ? 1 : Math.max(1, result.plots.length);
}

/**
 * True when `p` needs no new computation: one is on its way, or the last plots were started
 * after the last check of the file (every save is checked, so the file has not changed since).
 */
export function plotsFresh(state: UiState, taskId: string): boolean {
  const plots = state.plots?.[taskId];
  if (plots?.running) return true;
  const run = state.runs[taskId];
  if (!plots?.last || run?.running) return false;
  return run?.last === undefined || plots.last.startedAt >= run.last.checkedAt;
}

/** The task after `task` in the course, if any. */
export function nextTask(course: Course, task: TaskLesson): TaskLesson | undefined {
  return course.tasks[course.tasks.indexOf(task) + 1];
}

/** "complete bce-loss first", for a task that is still locked. */
export function lockedReason(
  course: Course,
  task: TaskLesson,
  progress?: WorkspaceProgress,
): string {
  const before = prerequisite(course, task);
  // Its checks pass: what is left is answering its questions.
  if (before && progress && checksPassed(progress.tasks[before.id]))
    return `answer ${before.id}'s questions first`;
  return before ? `complete ${before.id} first` : 'locked';
}

/** The first failing check of the last result that has a hint of its own, with that hint. */
export function failingCheckHint(
  task: TaskLesson,
  run: TaskRun | undefined,
): { readonly check: CheckResult; readonly hint: string } | undefined {
  for (const check of failuresInOrder(run?.last?.result.checks ?? [])) {
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
  return scheduleStale(reduceAction(base, action, course), action);
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
    'plots-started',
    'plots-finished',
    'plots-cancelled',
    'plots-failed',
    'answer-edited',
    'checklist-started',
    'checklist-result',
    'checklist-finished',
    ...runAnswerTypes,
    ...staleAnswerTypes,
  ].includes(action.type);
}

function reduceAction(state: UiState, action: Action, course: Course): Update {
  if (isQuestionAction(action)) return reduceQuestions(state, action, course);
  const task = currentTask(state, course);
  if (isRunAction(action)) return reduceRun(state, action, task?.id);
  if (isStaleAction(action)) return reduceStale(state, action);
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
      if (state.screen.screen === 'questions')
        return nextQuestions(state, course, state.screen.taskId);
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
      return saved(state, course, task, action.files);
    case 'check-started':
      return {
        state: withRun(state, action.taskId, (run) => ({
          ...run,
          running: { runId: action.runId, startedAt: action.at },
          cancelled: false,
          error: undefined,
          savedSinceCheck: undefined,
        })),
        effects: none,
      };
    case 'check-finished': {
      const after = finished(state, action);
      // After a pass on screen, the plots are drawn from the passing file, ready for `p`.
      const plot =
        after !== state &&
        action.result.status === 'pass' &&
        state.screen.screen === 'task' &&
        state.screen.id === action.taskId &&
        taskHasPlots(action.taskId);
      return {
        state: after,
        effects: plot ? [{ type: 'compute-plots', taskId: action.taskId }] : none,
      };
    }
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
    case 'plots':
    case 'plot-page':
    case 'plots-started':
    case 'plots-finished':
    case 'plots-cancelled':
    case 'plots-failed':
      return reducePlots(state, action, task);
    case 'notice':
      return { state: { ...state, notice: action.message }, effects: none };
    case 'restore-file':
      return task && fileMissing(state, task.id)
        ? { state, effects: [{ type: 'restore-file', taskId: task.id }] }
        : { state, effects: none };
  }
}

/** True when the last check of the task found its file gone (deleted or renamed). */
export function fileMissing(state: UiState, taskId: string): boolean {
  const result = state.runs[taskId]?.last?.result as { missingFile?: boolean } | undefined;
  return result?.missingFile === true;
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

/** `n` on a task's questions: the next task's questions, or that task when it asks none. */
function nextQuestions(state: UiState, course: Course, taskId: string): Update {
  const task = findTask(course, taskId);
  const following = task ? nextTask(course, task) : undefined;
  if (!following)
    return { state: { ...state, notice: `${taskId} is the last task of the lab.` }, effects: none };
  const opened = open(state, course, following);
  if (opened.state.screen.screen !== 'task' || following.questions.length === 0) return opened;
  return {
    state: {
      ...opened.state,
      screen: { screen: 'questions', taskId: following.id },
      questionCursor: 0,
    },
    effects: opened.effects,
  };
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

/**
 * Saves (and deletions) of workspace files: the task on screen is checked if they can change its
 * verdict; another task whose own file changed is checked when next opened. (A task checked
 * before is checked on opening anyway, so a save of lab.ts or an earlier file need not mark it.)
 */
function saved(
  state: UiState,
  course: Course,
  onScreen: TaskLesson | undefined,
  files: readonly string[],
): Update {
  let next = state;
  for (const other of course.tasks)
    if (other !== onScreen && files.includes(other.file))
      next = withRun(next, other.id, (run) => ({ ...run, savedSinceCheck: true }));
  const check = onScreen && files.some((file) => affects(course, onScreen, file));
  if (!check) return { state: next, effects: none };
  // The Run view shows the file as it is: a save runs the cell again, beside the checks.
  const rerun = state.overlay?.kind === 'run' && state.overlay.taskId === onScreen.id;
  return {
    state: next,
    effects: [
      { type: 'check', taskId: onScreen.id },
      ...(rerun ? [{ type: 'run-cell', taskId: onScreen.id } as const] : []),
    ],
  };
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

type PlotAction = Extract<
  Action,
  {
    type:
      | 'plots'
      | 'plot-page'
      | 'plots-started'
      | 'plots-finished'
      | 'plots-cancelled'
      | 'plots-failed';
  }
>;

function reducePlots(state: UiState, action: PlotAction, task: TaskLesson | undefined): Update {
  switch (action.type) {
    case 'plots': {
      if (!task) return { state, effects: none };
      if (!taskHasPlots(task.id))
        return { state: { ...state, notice: `${task.id} has no plots.` }, effects: none };
      return {
        state: {
          ...state,
          overlay: { kind: 'plots', taskId: task.id, page: 0 },
          overlayScroll: 0,
        },
        effects: plotsFresh(state, task.id) ? none : [{ type: 'compute-plots', taskId: task.id }],
      };
    }
    case 'plot-page': {
      const overlay = state.overlay;
      if (overlay?.kind !== 'plots') return { state, effects: none };
      const result = state.plots?.[overlay.taskId]?.last?.result;
      const pages = result ? plotPageCount(result) : 1;
      const page = clamp(overlay.page + action.by, 0, pages - 1);
      return { state: { ...state, overlay: { ...overlay, page } }, effects: none };
    }
    case 'plots-started':
      return plotEvent(state, action.taskId, {
        kind: 'started',
        runId: action.runId,
        at: action.at,
      });
    case 'plots-finished':
      return plotEvent(state, action.taskId, {
        kind: 'finished',
        runId: action.runId,
        result: action.result,
      });
    case 'plots-cancelled':
      return plotEvent(state, action.taskId, { kind: 'ended', runId: action.runId });
    case 'plots-failed':
      return plotEvent(state, action.taskId, {
        kind: 'ended',
        runId: action.runId,
        error: action.message,
      });
  }
}

function plotEvent(state: UiState, taskId: string, event: RunEvent<PlotResult>): Update {
  const next = nextRecord(state.plots?.[taskId], event);
  return {
    state: next ? { ...state, plots: { ...state.plots, [taskId]: next } } : state,
    effects: none,
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}

// --- questions, review and checklist ----------------------------------------------------------

/** A question of the course with the task it belongs to. */
export function findQuestion(
  course: Course,
  questionId: string,
): { readonly task: TaskLesson; readonly question: Question } | undefined {
  return findCourseQuestion(course.tasks, questionId);
}

/** The questions listed on the current questions or review screen, in order. */
export function listedQuestions(state: UiState, course: Course): readonly Question[] {
  const screen = listScreen(state);
  if (screen === 'review') return course.tasks.flatMap((task) => task.questions);
  if (screen === 'questions' && state.screen.screen === 'questions')
    return findTask(course, state.screen.taskId)?.questions ?? [];
  return [];
}

/** The workspace file a question's answer is written in with the editor. */
export function answerFile(questionId: string): string {
  return `answers/${questionId}.md`;
}

function listScreen(state: UiState): QuestionList | undefined {
  return state.screen.screen === 'questions' || state.screen.screen === 'review'
    ? state.screen.screen
    : undefined;
}

/** The question the action applies to: the one open, or the one selected on a list. */
function questionInFocus(state: UiState, course: Course): Question | undefined {
  if (state.screen.screen === 'answer' || state.screen.screen === 'feedback')
    return findQuestion(course, state.screen.questionId)?.question;
  return listedQuestions(state, course)[state.questionCursor ?? 0];
}

const questionActions: ReadonlySet<string> = new Set<QuestionAction['type']>([
  'questions',
  'review',
  'checklist',
  'leave',
  'list-move',
  'answer-scroll',
  'open-question',
  'retype-answer',
  'answer-in-editor',
  'mark-idea',
  'submit-answer',
  'answer-edited',
  'checklist-started',
  'checklist-result',
  'checklist-finished',
]);

function isQuestionAction(action: Action): action is QuestionAction {
  return questionActions.has(action.type);
}

/** The reducer's part for the questions, review and checklist screens. */
function reduceQuestions(state: UiState, action: QuestionAction, course: Course): Update {
  const from: QuestionList = listScreen(state) ?? fromList(state);
  switch (action.type) {
    case 'questions': {
      const task = currentTask(state, course);
      if (!task) return { state, effects: none };
      if (task.questions.length === 0)
        return { state: { ...state, notice: `${task.id} has no questions.` }, effects: none };
      return {
        state: {
          ...state,
          overlay: undefined,
          screen: { screen: 'questions', taskId: task.id },
          questionCursor: 0,
        },
        effects: none,
      };
    }
    case 'review':
      return {
        state: { ...state, overlay: undefined, screen: { screen: 'review' }, questionCursor: 0 },
        effects: none,
      };
    case 'checklist':
      return {
        state: { ...state, overlay: undefined, screen: { screen: 'checklist' } },
        effects: [{ type: 'run-checklist' }],
      };
    case 'list-move': {
      const count = listedQuestions(state, course).length;
      const cursor = clamp((state.questionCursor ?? 0) + action.by, 0, count - 1);
      return { state: { ...state, questionCursor: cursor }, effects: none };
    }
    case 'answer-scroll':
      return {
        state: {
          ...state,
          answerScroll: clamp((state.answerScroll ?? 0) + action.by, 0, action.max),
        },
        effects: none,
      };
    case 'open-question': {
      const question = questionInFocus(state, course);
      if (!question) return { state, effects: none };
      const answered = latestAnswer(state.progress, question.id) !== undefined;
      const screen: Screen =
        action.how === 'read' && answered
          ? { screen: 'feedback', questionId: question.id, from }
          : { screen: 'answer', questionId: question.id, from };
      return { state: { ...state, screen, answerScroll: 0 }, effects: none };
    }
    case 'retype-answer': {
      const question = questionInFocus(state, course);
      return question
        ? {
            state: { ...state, screen: { screen: 'answer', questionId: question.id, from } },
            effects: none,
          }
        : { state, effects: none };
    }
    case 'answer-in-editor': {
      const question = questionInFocus(state, course);
      return question
        ? {
            state: { ...state, editing: answerFile(question.id) },
            effects: [{ type: 'edit-answer', questionId: question.id }],
          }
        : { state, effects: none };
    }
    case 'mark-idea':
      return markIdea(state, course, action.index, action.at);
    case 'submit-answer':
      return submitAnswer(state, course, action.questionId, action.text, from, action.at);
    case 'answer-edited': {
      const after = { ...state, editing: undefined };
      if (action.error !== undefined)
        return { state: { ...after, notice: action.error }, effects: none };
      return submitAnswer(after, course, action.questionId, action.text ?? '', from, action.at);
    }
    case 'leave':
      return { state: leave(state, course), effects: none };
    case 'checklist-started':
      return {
        state: { ...state, checklist: { running: true, startedAt: action.at, results: {} } },
        effects: none,
      };
    case 'checklist-result': {
      const run = state.checklist ?? { running: true, startedAt: Date.now(), results: {} };
      return {
        state: {
          ...state,
          progress: action.progress ?? state.progress,
          checklist: { ...run, results: { ...run.results, [action.result.taskId]: action.result } },
        },
        effects: none,
      };
    }
    case 'checklist-finished': {
      const run = state.checklist ?? { running: false, startedAt: Date.now(), results: {} };
      return {
        state: {
          ...state,
          checklist: {
            ...run,
            running: false,
            ...(action.error !== undefined ? { error: action.error } : {}),
          },
        },
        effects: none,
      };
    }
  }
}

function fromList(state: UiState): QuestionList {
  return state.screen.screen === 'answer' || state.screen.screen === 'feedback'
    ? state.screen.from
    : 'questions';
}

/**
 * Saves an answer the gate accepts and shows its review; an answer it does not accept is kept as
 * a draft, nothing is recorded, and the notice says why.
 */
function submitAnswer(
  state: UiState,
  course: Course,
  questionId: string,
  text: string,
  from: QuestionList,
  at = '',
): Update {
  const found = findQuestion(course, questionId);
  if (!found) return { state, effects: none };
  const answer = text.replace(/\s+$/, '');
  const judgement = judge(allQuestions(course.tasks), state.progress, found.question, answer);
  if (!judgement.accepted) {
    return {
      state: {
        ...state,
        drafts: { ...state.drafts, [questionId]: answer },
        notice: `Not recorded: ${judgement.reason}`,
      },
      effects: none,
    };
  }
  const { [questionId]: _accepted, ...drafts } = state.drafts ?? {};
  // The answer that completes a task opens what waited for it: say so on the feedback.
  // Shown at once; the store's record (the same answer) replaces it when it is saved.
  const after = withAnswer(state.progress, questionId, answer, at);
  const opened = course.tasks.filter(
    (other) =>
      other.requires === found.task.id &&
      !isUnlocked(course, state.progress, other) &&
      isUnlocked(course, after, other),
  );
  const notice =
    opened.length > 0
      ? `${found.task.title} is complete: ${opened.map((other) => other.title).join(', ')} is open now.`
      : undefined;
  return {
    state: {
      ...state,
      progress: after,
      drafts,
      screen: { screen: 'feedback', questionId, from },
      answerScroll: 0,
      ...(notice ? { notice } : {}),
    },
    effects: [{ type: 'save-answer', questionId, text: answer }],
  };
}

/**
 * The next self-mark of one key idea of the answer on the feedback screen: none → covered → not
 * covered → disagree → none. Shown at once; the store and the answer file follow.
 */
function markIdea(state: UiState, course: Course, index: number, at: string): Update {
  if (state.screen.screen !== 'feedback') return { state, effects: none };
  const found = findQuestion(course, state.screen.questionId);
  const idea = found?.question.keyIdeas[index];
  if (!found || !idea || !latestAnswer(state.progress, found.question.id))
    return { state, effects: none };
  const questionId = found.question.id;
  const mark = nextSelfMark(selfMarksOf(state.progress, questionId)[idea.id]?.mark);
  const progress = withSelfMark(state.progress, questionId, idea.id, mark, at);
  return {
    state: { ...state, progress },
    effects: [{ type: 'mark-idea', questionId, ideaId: idea.id, mark }],
  };
}

/** `b`/Esc on the question screens: one step back. */
function leave(state: UiState, course: Course): UiState {
  switch (state.screen.screen) {
    case 'answer':
    case 'feedback': {
      const { from, questionId } = state.screen;
      if (from === 'review') return { ...state, screen: { screen: 'review' } };
      const task = findQuestion(course, questionId)?.task;
      return task
        ? { ...state, screen: { screen: 'questions', taskId: task.id } }
        : { ...state, screen: { screen: 'map' } };
    }
    case 'questions':
      return { ...state, screen: { screen: 'task', id: state.screen.taskId } };
    case 'review':
    case 'checklist':
      return { ...state, screen: { screen: 'map' } };
    default:
      return state;
  }
}
