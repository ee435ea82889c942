// What the screens may ask of the rest of the tutor. The UI gets these through props or
// context and never touches the file system, workers or conf itself; tests pass fakes.
import type { Diagnostic, TaskResult } from '../engine/types.js';
import type { Course } from '../lessons/types.js';
import type { ProgressStore } from '../progress/types.js';

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
  /** Runs a task's hidden checks. Rejects with an AbortError when `signal` aborts. */
  checkTask(taskId: string, signal: AbortSignal): Promise<TaskResult>;
  /**
   * Calls `onChange` with the workspace-relative name of every .ts file saved in the
   * workspace (atomic saves included). Returns a function that stops watching.
   */
  watchWorkspace(onChange: (file: string) => void): () => void;
  /** Type errors of a task's file against the workspace tsconfig; slower than the checks. */
  typeCheck(taskId: string): Promise<readonly Diagnostic[]>;
  /** Opens a workspace file in $VISUAL/$EDITOR, resolving when the editor exits. */
  openInEditor(file: string): Promise<void>;
}
