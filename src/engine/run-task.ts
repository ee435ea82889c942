// Checks one task file: every hidden check against the student's module, and whatever
// happened (a failure, a compile error, an endless loop, a crash) as a TaskResult.
import { CheckFailure, type CheckSpec, type Failure } from './check-kit.js';
import { SandboxStopped } from './sandbox.js';
import { type RunOptions, type SessionTask, stoppedStatus, withStudentModule } from './session.js';
import type { CheckResult, TaskResult, TaskStatus } from './types.js';

export type { RunOptions } from './session.js';

/** A named mistake's words, from the lesson. */
export interface MistakeText {
  readonly title: string;
  readonly explanation: string;
}

/** Everything the engine needs to know about a task to check it. */
export interface TaskSpec extends SessionTask {
  readonly checks: readonly CheckSpec[];
  readonly mistakes: Readonly<Record<string, MistakeText>>;
}

/** Runs every check of `task` against the student's file. Student failures are data, not errors. */
export async function runTask(task: TaskSpec, options: RunOptions): Promise<TaskResult> {
  const started = performance.now();
  const end = await withStudentModule(task, options, async (session) => {
    const checks: CheckResult[] = [];
    for (const [index, check] of task.checks.entries()) {
      try {
        await check.run(session.context(check.name));
        checks.push({ name: check.name, passed: true, message: '' });
      } catch (error) {
        if (error instanceof CheckFailure) {
          checks.push(failed(check.name, error.failure, task));
          continue;
        }
        if (!(error instanceof SandboxStopped) || error.reason === 'cancelled') throw error;
        // The run is over: this check failed with the reason, the rest did not run.
        checks.push({ name: check.name, passed: false, message: error.detail });
        for (const rest of task.checks.slice(index + 1)) {
          checks.push(skipped(rest.name, 'Not run: the run stopped at an earlier check.'));
        }
        const status: TaskStatus = stoppedStatus(error);
        return { status, checks, error: error.detail };
      }
    }
    const status: TaskStatus = checks.every((check) => check.passed) ? 'pass' : 'fail';
    return { status, checks, error: undefined };
  });

  const base = { taskId: task.id, file: task.file, durationMs: 0, sources: end.sources };
  let result: Omit<TaskResult, 'notImplemented' | 'durationMs'>;
  switch (end.kind) {
    case 'compile-error':
      result = {
        ...base,
        status: 'compile-error',
        error: end.error,
        diagnostics: end.diagnostics,
        output: { text: '', droppedBytes: 0 },
        checks: task.checks.map((check) =>
          skipped(check.name, 'Not run: the file does not compile.'),
        ),
      };
      break;
    case 'stopped':
      result = {
        ...base,
        status: end.status,
        error: end.error,
        diagnostics: [],
        output: end.output,
        checks: task.checks.map((check) => skipped(check.name, `Not run: ${end.error}`)),
      };
      break;
    case 'done':
      result = {
        ...base,
        status: end.value.status,
        ...(end.value.error ? { error: end.value.error } : {}),
        diagnostics: [],
        output: end.output,
        checks: end.value.checks,
      };
      break;
  }
  return {
    ...result,
    notImplemented:
      result.checks.length > 0 &&
      result.checks.every((check) => check.message.startsWith('Not implemented yet')),
    durationMs: Math.round(performance.now() - started),
  };
}

function skipped(name: string, message: string): CheckResult {
  return { name, passed: false, message, skipped: true };
}

/** Composes the student-facing message of a failed check. */
export function failureMessage(
  failure: Failure,
  task: Pick<TaskSpec, 'file' | 'mistakes'>,
): string {
  if (failure.notImplemented) {
    return `Not implemented yet: ${task.file} still throws the starter's ${failure.got ?? 'TODO error'}. Replace that line with your code.`;
  }
  const lines: string[] = [];
  if (failure.tried) lines.push(`tried:    ${failure.tried}`);
  if (failure.expected) lines.push(`expected: ${failure.expected}`);
  if (failure.got) lines.push(`got:      ${failure.got}`);
  const mistake = failure.mistake ? task.mistakes[failure.mistake] : undefined;
  if (mistake) lines.push(`${mistake.title}: ${mistake.explanation}`);
  if (failure.note) lines.push(failure.note);
  return lines.join('\n');
}

function failed(name: string, failure: Failure, task: TaskSpec): CheckResult {
  const known = failure.mistake && task.mistakes[failure.mistake] ? failure.mistake : undefined;
  return {
    name,
    passed: false,
    message: failureMessage(failure, task),
    ...(known ? { mistake: known } : {}),
  };
}
