// The one place a verdict becomes progress: `check`, `export`, the TUI's runs and its checklist
// hand their results here and get back the workspace's new progress and what to tell the student.
import type { TaskResult } from '../engine/types.js';
import type { ProgressStore, WorkspaceProgress } from './types.js';

/** What recording some results came to. */
export interface RecordedResults<R extends TaskResult> {
  /** The results, as given, in the same order. */
  readonly results: readonly R[];
  /** The workspace's progress after the save; undefined when the store could not record them. */
  readonly progress: WorkspaceProgress | undefined;
  /**
   * One line each for the student, oldest first: why the results could not be recorded, and
   * what the store has to say (a save that failed, a damaged file moved aside).
   */
  readonly notices: readonly string[];
}

/** What recording one result came to. */
export interface RecordedResult<R extends TaskResult> {
  readonly result: R;
  readonly progress: WorkspaceProgress | undefined;
  readonly notices: readonly string[];
}

/**
 * Records checks of the workspace at `dir` in one save (attempts, last status, first pass). A
 * store that fails is said in a notice, never thrown: the verdicts stand without the record.
 */
export function recordResults<R extends TaskResult>(
  store: ProgressStore,
  dir: string,
  results: readonly R[],
): RecordedResults<R> {
  const notices: string[] = [];
  let progress: WorkspaceProgress | undefined;
  try {
    progress = store.recordResults(dir, results);
  } catch (error) {
    notices.push(
      `Failed to record the checks of ${results.map((result) => result.taskId).join(', ')}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  notices.push(...store.takeNotices());
  return { results, progress, notices };
}

/** `recordResults` for one result. */
export function recordResult<R extends TaskResult>(
  store: ProgressStore,
  dir: string,
  result: R,
): RecordedResult<R> {
  const { progress, notices } = recordResults(store, dir, [result]);
  return { result, progress, notices };
}
