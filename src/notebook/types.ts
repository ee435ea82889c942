// What running a task's notebook cell on the student's code came to: the lines the lab's
// notebook printed and its own visible checks (`OK: in_0_1`), as plain data.
import type { ConsoleOutput, TaskStatus } from '../engine/types.js';

/** One value the notebook printed, from the student's code, beside the tutor's. */
export interface NotebookLine {
  /** The notebook's label: `loss`, `grad_norm`, `max_abs_diff`, `sigmoid([-1000, …])`. */
  readonly label: string;
  /** The student's value, as printed. */
  readonly value: string;
  /** The tutor's reference value on the same data, as printed. */
  readonly reference: string;
  /** The two agree (up to rounding in the last digits): the reference need not be shown. */
  readonly matches: boolean;
}

/** One of the notebook's own visible checks (`check('in_0_1', …)` in the lab). */
export interface NotebookCheck {
  /** The lab's name for it: `in_0_1`, `grad_check`, `decreased`. */
  readonly name: string;
  readonly ok: boolean;
}

/** The result of running one lesson's notebook cell. */
export interface NotebookResult {
  /** The lesson's id: a task id, or `dataset` for section 0. */
  readonly taskId: string;
  /** The workspace file that ran; none for section 0, which runs no student code. */
  readonly file?: string;
  /** `pass` when every check is OK, `fail` when one is not or a call of the student's failed. */
  readonly status: TaskStatus;
  /** Why the cell could not run to its end, in the words `check` uses (one line, or a failure). */
  readonly error?: string;
  /** The student's function still throws the starter's TODO error. */
  readonly notImplemented: boolean;
  readonly lines: readonly NotebookLine[];
  /** Every check of the cell, in the notebook's order; those not reached are not OK. */
  readonly checks: readonly NotebookCheck[];
  /** What the student's code printed. */
  readonly output: ConsoleOutput;
  readonly durationMs: number;
}
