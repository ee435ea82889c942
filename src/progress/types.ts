// What the tutor remembers of a student's work, per workspace.
import type { TaskStatus } from '../engine/types.js';

/** The record of one task in one workspace. */
export interface TaskProgress {
  /** How many times the task's file was checked. */
  readonly attempts: number;
  /** Status of the last check, if any. */
  readonly lastStatus?: TaskStatus;
  /** ISO time of the last check. */
  readonly lastCheckedAt?: string;
  /** Checks passed / total at the last check. */
  readonly passedChecks?: number;
  readonly totalChecks?: number;
  /** ISO time the task first passed; set once, never cleared (nothing relocks). */
  readonly firstPassedAt?: string;
  /** How many staged hints the student has been shown. */
  readonly hintsShown: number;
  /**
   * The content hash of each workspace file the last check read, by relative path. Absent in
   * records from before it was kept: the last verdict is then of unknown files (re-checked).
   */
  readonly sources?: Readonly<Record<string, string>>;
}

/** Everything remembered about one workspace. */
export interface WorkspaceProgress {
  /** Id of the lesson the student last opened, to resume there. */
  readonly lastLesson?: string;
  /** ISO time the interactive tutor first opened this workspace (its welcome is shown once). */
  readonly tuiOpenedAt?: string;
  readonly tasks: Readonly<Record<string, TaskProgress>>;
  /** Answers to the free-text questions, by question id: every submitted version, oldest first. */
  readonly answers?: Readonly<Record<string, readonly AnswerVersion[]>>;
  /**
   * The student's own marks on the key ideas of their answers, by question id then idea id: what
   * they judge their latest answer to cover, beside what the tutor matched automatically.
   */
  readonly selfMarks?: Readonly<Record<string, Readonly<Record<string, IdeaSelfMark>>>>;
}

/** One submitted version of an answer. */
export interface AnswerVersion {
  readonly text: string;
  /** ISO time it was submitted. */
  readonly at: string;
  /**
   * True when the answer went through the gate (an attempt in the student's own words) before it
   * was recorded; absent on versions recorded before the gate existed.
   */
  readonly gated?: boolean;
}

/** How the student marks one key idea of their own answer. */
export type SelfMark = 'covered' | 'not-covered' | 'disagree';

/** Every self-mark, in the order the tutor cycles through them. */
export const selfMarks: readonly SelfMark[] = ['covered', 'not-covered', 'disagree'];

/** One self-mark and when it was made (to tell a mark made before the answer was revised). */
export interface IdeaSelfMark {
  readonly mark: SelfMark;
  /** ISO time of the mark. */
  readonly at: string;
}

/** A task's state on the lesson map. */
export type TaskState = 'locked' | 'open' | 'failing' | 'passed' | 'regressed';

export const emptyTaskProgress: TaskProgress = { attempts: 0, hintsShown: 0 };

/**
 * The progress store as the rest of the tutor sees it (implemented with conf in store.ts).
 * Every write is saved at once, so progress survives a crash or Ctrl+C.
 */
export interface ProgressStore {
  /** What is remembered of the workspace at `dir` (an absolute path). */
  workspace(dir: string): WorkspaceProgress;
  /** Records a check of one task: attempts, last status, first pass time. Returns the new state. */
  recordResult(dir: string, result: import('../engine/types.js').TaskResult): WorkspaceProgress;
  /** Records the checks of several tasks in one save (`logreg-tutor check`). Returns the new state. */
  recordResults(
    dir: string,
    results: readonly import('../engine/types.js').TaskResult[],
  ): WorkspaceProgress;
  /** Counts one more staged hint shown for a task. */
  recordHint(dir: string, taskId: string): WorkspaceProgress;
  /** Remembers the lesson the student opened last. */
  setLastLesson(dir: string, lessonId: string): WorkspaceProgress;
  /**
   * Records that the interactive tutor opened the workspace. True when it had never opened it
   * before (a workspace made by `init` or `check` included), so the welcome is shown once.
   */
  recordTuiStart(dir: string): boolean;
  /**
   * Saves a new version of an answer that passed the gate (earlier versions are kept). The caller
   * judges it first: see progress/answer-record.ts.
   */
  submitAnswer(dir: string, questionId: string, text: string): WorkspaceProgress;
  /** Sets (or, with undefined, clears) the student's own mark on one key idea of an answer. */
  markIdea(
    dir: string,
    questionId: string,
    ideaId: string,
    mark: SelfMark | undefined,
  ): WorkspaceProgress;
  /** Every question's submitted versions, oldest first. */
  answers(dir: string): Readonly<Record<string, readonly AnswerVersion[]>>;
  /** The workspace used last, to reopen it when no `--workspace` is given. */
  lastWorkspace(): string | undefined;
  setLastWorkspace(dir: string): void;
  /**
   * Saves the changes kept in memory while another tutor held the lock (they are saved on their
   * own as soon as it is free, and at exit), waiting up to `waitMs` for it. True when nothing is
   * left unsaved for that reason.
   */
  flush(waitMs: number): boolean;
  /**
   * Resolves once the file is open, or known to be unusable: at once for a store opened by
   * `openProgressStore`; for the interactive tutor's (`openProgressStoreInBackground`), once conf
   * has loaded. Changes made before are saved then, and notices about the file are ready.
   */
  whenOpen(): Promise<void>;
  /** Where the store lives (for messages). */
  readonly path: string;
  /**
   * One-line messages for the student that the store has not yet handed out (a damaged file
   * moved aside, progress that cannot be saved), oldest first; each is returned once.
   */
  takeNotices(): string[];
}
