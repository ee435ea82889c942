// The one verdict model that `check`, `export` and the TUI render: every failure in full, the
// most telling first, and the same lines in every view.
import { describe, expect, it } from 'vitest';
import type { CheckResult, TaskResult } from '../../../src/engine/types.js';
import { checkTextLines, failuresInOrder, taskVerdict } from '../../../src/engine/verdict.js';

const result = (status: TaskResult['status'], checks: CheckResult[], extra = {}): TaskResult => ({
  taskId: 'hvp',
  file: '05-hvp.ts',
  status,
  checks,
  diagnostics: [],
  output: { text: '', droppedBytes: 0 },
  durationMs: 5,
  notImplemented: false,
  ...extra,
});

const checks: CheckResult[] = [
  { name: 'shape', passed: true, message: '' },
  { name: 'Hv against the oracle', passed: false, message: 'tried: a\ngot: 1.00143 times' },
  { name: 'vᵀHv = 0 when Xv = 0', passed: false, message: 'got: 6', mistake: 'missing-mean' },
  { name: 'later', passed: false, message: 'Not run: timed out', skipped: true },
];

describe('the verdict of a task', () => {
  it('lists failures first, the one that confirmed a named mistake before the rest, then passes, then the checks not run', () => {
    const verdict = taskVerdict(result('fail', checks));
    expect(verdict.checks.map((check) => [check.mark, check.name])).toEqual([
      ['✗', 'vᵀHv = 0 when Xv = 0'],
      ['✗', 'Hv against the oracle'],
      ['✓', 'shape'],
      ['·', 'later'],
    ]);
    expect(verdict.summary).toBe('1/4 checks pass');
    expect(verdict.checks[0]).toMatchObject({ details: ['got: 6'], mistake: 'missing-mean' });
    expect(failuresInOrder(checks).map((check) => check.name)).toEqual([
      'vᵀHv = 0 when Xv = 0',
      'Hv against the oracle',
    ]);
  });

  it('renders every failure with its whole message, as `check` prints it', () => {
    expect(checkTextLines(taskVerdict(result('fail', checks)))).toEqual([
      '  ✗ vᵀHv = 0 when Xv = 0',
      '      got: 6',
      '  ✗ Hv against the oracle',
      '      tried: a',
      '      got: 1.00143 times',
      '  ✓ shape',
      '  1 check not run.',
    ]);
  });

  it('says what a stopped run, a file not started and a missing file come to', () => {
    expect(taskVerdict(result('timeout', checks, { error: 'It ran over 2 s.' }))).toMatchObject({
      kind: 'timeout',
      summary: 'timed out',
      error: 'It ran over 2 s.',
    });
    const todo = taskVerdict(result('fail', checks, { notImplemented: true }));
    expect(todo).toMatchObject({ kind: 'not-started', summary: 'not started' });
    expect(todo.checks.every((check) => check.details.length === 0)).toBe(true);
    expect(taskVerdict({ ...result('compile-error', []), missingFile: true }).kind).toBe(
      'missing-file',
    );
    expect(taskVerdict(result('pass', [checks[0] as CheckResult])).summary).toBe(
      'all 1 check passes',
    );
  });
});
