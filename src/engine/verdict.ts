// The one verdict model of a task result, rendered by `check`, `export` and the TUI alike: what
// the result comes to in a word, and every check in the order that helps most (failures first,
// the most telling of them first), each failure with its whole message.
import { type CheckResult, statusWords, type TaskResult } from './types.js';

/** What a task result comes to, before any check is listed. */
export type VerdictKind =
  | 'pass'
  | 'fail'
  | 'not-started'
  | 'missing-file'
  | 'compile-error'
  | 'timeout'
  | 'crash';

/** One check as every view shows it. */
export interface CheckLine {
  readonly name: string;
  /** `✓` passed, `✗` failed, `·` not run (the run stopped before it). */
  readonly mark: '✓' | '✗' | '·';
  /** The failure's message, one entry per line; empty for a pass, a skip, or a task not started. */
  readonly details: readonly string[];
  /** The named mistake, when the check confirmed one. */
  readonly mistake?: string;
}

/** A task result as the student is told it. */
export interface TaskVerdict {
  readonly kind: VerdictKind;
  /** A few words: `5/7 checks pass`, `all 7 checks pass`, `timed out`, `not started`. */
  readonly summary: string;
  /** For a compile error, a timeout or a crash: the one sentence saying what happened. */
  readonly error?: string;
  /** Every check: failures (most telling first), then passes, then those not run. */
  readonly checks: readonly CheckLine[];
  /** How many checks failed when run. */
  readonly failed: number;
  readonly passed: number;
  readonly notRun: number;
}

/**
 * How early a failed check is shown: one that confirmed a named mistake says why, and so comes
 * before one that only says what differs; otherwise the lesson's order (the stable sort keeps it).
 */
function tellingRank(check: CheckResult): number {
  return check.mistake ? 0 : 1;
}

/** The checks that ran and failed, the most telling first: the order every view shows them in. */
export function failuresInOrder(checks: readonly CheckResult[]): CheckResult[] {
  return checks
    .filter((check) => !check.passed && !check.skipped)
    .sort((a, b) => tellingRank(a) - tellingRank(b));
}

/** The verdict of `result`; `missingFile` when the task file is not in the workspace. */
export function taskVerdict(result: TaskResult & { readonly missingFile?: boolean }): TaskVerdict {
  const failing = failuresInOrder(result.checks);
  const passing = result.checks.filter((check) => check.passed);
  const notRun = result.checks.filter((check) => !check.passed && check.skipped);
  const started = !result.notImplemented;
  const checks: CheckLine[] = [
    ...failing.map((check) => ({
      name: check.name,
      mark: '✗' as const,
      details: started && check.message ? check.message.split('\n') : [],
      ...(check.mistake ? { mistake: check.mistake } : {}),
    })),
    ...passing.map((check) => ({ name: check.name, mark: '✓' as const, details: [] })),
    ...notRun.map((check) => ({ name: check.name, mark: '·' as const, details: [] })),
  ];
  const total = result.checks.length;
  const kind: VerdictKind = result.missingFile
    ? 'missing-file'
    : result.notImplemented
      ? 'not-started'
      : result.status;
  const summary =
    kind === 'missing-file'
      ? 'file missing'
      : kind === 'not-started'
        ? 'not started'
        : kind === 'pass'
          ? `all ${total} ${total === 1 ? 'check passes' : 'checks pass'}`
          : kind === 'fail'
            ? `${passing.length}/${total} checks pass`
            : statusWords[result.status];
  return {
    kind,
    summary,
    ...(result.error && kind !== 'fail' ? { error: result.error } : {}),
    checks,
    failed: failing.length,
    passed: passing.length,
    notRun: notRun.length,
  };
}

/**
 * The checks of a verdict as plain text, as `check` prints them: `✗ name`, then each line of
 * the failure indented under it. Checks not run are counted in one line at the end.
 */
export function checkTextLines(verdict: TaskVerdict, indent = '  '): string[] {
  const lines: string[] = [];
  for (const check of verdict.checks) {
    if (check.mark === '·') continue;
    lines.push(`${indent}${check.mark} ${check.name}`);
    for (const detail of check.details) lines.push(`${indent}    ${detail}`);
  }
  if (verdict.notRun > 0)
    lines.push(`${indent}${verdict.notRun} ${verdict.notRun === 1 ? 'check' : 'checks'} not run.`);
  return lines;
}
