// What the screens may ask of the rest of the tutor. The UI gets these through props or
// context and never touches the file system, workers or conf itself; tests pass fakes.
import type { Diagnostic, TaskResult } from '../engine/types.js';
import type { Course } from '../lessons/types.js';
import type { NotebookResult } from '../notebook/types.js';
import type { PlotResult } from '../plot/types.js';
import type { AnswerSync } from '../progress/answer-record.js';
import type { StaleTask } from '../progress/changed-tasks.js';
import type { ProgressStore, SelfMark, WorkspaceProgress } from '../progress/types.js';

/** What saving an answer or a self-mark did. */
export interface AnswerSaved {
  readonly progress: WorkspaceProgress;
  /** Set when the store has it but `answers/ID.md` could not be written: why, in one line. */
  readonly fileError?: string;
}

/** The tutor's side effects, as the UI sees them. */
export interface TutorServices {
  readonly course: Course;
  /** Absolute path of the student's workspace. */
  readonly workspaceDir: string;
  /** Files the tutor created in the workspace at this launch (empty when it already existed). */
  readonly createdFiles: readonly string[];
  /** True when this is the first launch on this workspace (show the welcome). */
  readonly firstLaunch: boolean;
  readonly progress: ProgressStore;
  /**
   * The tasks whose files changed since their recorded check (by the files' content hashes),
   * or whose record is too old to tell, in course order: their verdicts may no longer hold.
   */
  staleTasks(): Promise<readonly StaleTask[]>;
  /** Runs a task's hidden checks. Rejects with an AbortError when `signal` aborts. */
  checkTask(taskId: string, signal: AbortSignal): Promise<TaskResult>;
  /**
   * Calls `onChange` with the workspace-relative name of every .ts file saved in the
   * workspace (atomic saves included). Returns a function that stops watching.
   */
  watchWorkspace(onChange: (file: string) => void): () => void;
  /**
   * Computes a task's plots from the student's file, in the sandbox with the checks' limits.
   * What the student's code does is data in the result; rejects with an AbortError when
   * `signal` aborts.
   */
  computePlots(taskId: string, signal: AbortSignal): Promise<PlotResult>;
  /**
   * Runs a task's notebook cell on the student's file, in the sandbox with the checks' limits:
   * the lines the lab printed and its own checks. What the student's code does is data in the
   * result; rejects with an AbortError when `signal` aborts.
   */
  runNotebookCell(taskId: string, signal: AbortSignal): Promise<NotebookResult>;
  /** Type errors of a task's file against the workspace tsconfig; slower than the checks. */
  typeCheck(taskId: string): Promise<readonly Diagnostic[]>;
  /** Opens a workspace file in $VISUAL/$EDITOR, resolving when the editor exits. */
  openInEditor(file: string): Promise<void>;
  /**
   * Puts back the starter of a task whose file was deleted. Never overwrites: resolves with
   * `exists` (and changes nothing) when the file is there.
   */
  restoreTaskFile(taskId: string): Promise<'restored' | 'exists'>;
  /**
   * Creates the answer file of a question in the workspace (`answers/ID.md`) unless it exists,
   * holding the prompt in a comment and `draft`. Resolves with its workspace-relative path.
   */
  prepareAnswerFile(questionId: string, prompt: string, draft: string): Promise<string>;
  /** The answer written in a workspace file, without the tutor's comment. */
  readAnswerFile(file: string): Promise<string>;
  /**
   * Records an answer the gate accepted (the reducer judged it): a new version in the progress
   * store, and `answers/ID.md` in the workspace written with it.
   */
  saveAnswer(questionId: string, text: string): Promise<AnswerSaved>;
  /** The student's own mark on one key idea (undefined clears it), in the store and the file. */
  markIdea(questionId: string, ideaId: string, mark: SelfMark | undefined): Promise<AnswerSaved>;
  /**
   * Brings the store and the workspace's answer files together (recorded answers written out;
   * an edited file wins, through the gate), saying in one line each what changed.
   */
  syncAnswers(): Promise<AnswerSync>;
}
