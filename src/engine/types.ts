// The values that flow out of the engine: what a run of a student's task file came to.

/** How a run of one task ended. Anything but `pass` is the student's to fix, never a tutor error. */
export type TaskStatus = 'pass' | 'fail' | 'compile-error' | 'timeout' | 'crash';

/** The verdict of one hidden check. */
export interface CheckResult {
  /** The check's name as the student sees it, e.g. `no NaN at z = ±1000, ±1e308`. */
  readonly name: string;
  readonly passed: boolean;
  /**
   * Empty when passed. Otherwise what was tried, what was expected, what came back and,
   * where a known mistake explains it, that mistake in the lab's terms.
   */
  readonly message: string;
  /** Id of the named mistake that explains the failure (see the lesson's `mistakes`). */
  readonly mistake?: string;
  /** True when the check did not run because the run stopped earlier (timeout, crash). */
  readonly skipped?: boolean;
}

/** A compile error (or warning) in the student's code, located in their own file. */
export interface Diagnostic {
  /** Path relative to the workspace, e.g. `01-sigmoid.ts`. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** The source line the diagnostic points at. */
  readonly lineText: string;
}

/** What the student's code printed while it ran, capped so a flood cannot swamp the screen. */
export interface ConsoleOutput {
  readonly text: string;
  /** Bytes dropped after the cap. */
  readonly droppedBytes: number;
}

/** The result of checking one task file. */
export interface TaskResult {
  readonly taskId: string;
  /** The workspace file that was checked, e.g. `01-sigmoid.ts`. */
  readonly file: string;
  readonly status: TaskStatus;
  readonly checks: readonly CheckResult[];
  /** For `compile-error`, `timeout` and `crash`: one plain sentence saying what happened. */
  readonly error?: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly output: ConsoleOutput;
  /** Wall time of the whole run (transpile, sandbox, checks). */
  readonly durationMs: number;
  /** True when every check threw the starter's `TODO` error. */
  readonly notImplemented: boolean;
  /**
   * The content hash of each workspace file the check read, by relative path (see
   * source-hash.ts): recorded with the verdict, to tell at start-up whether it still holds.
   */
  readonly sources?: Readonly<Record<string, string>>;
}

/** How a status reads after a task's name: `sigmoid passes`, `hvp timed out`. */
export const statusWords: Readonly<Record<TaskStatus, string>> = {
  pass: 'passes',
  fail: 'fails',
  'compile-error': 'does not compile',
  timeout: 'timed out',
  crash: 'crashed',
};
