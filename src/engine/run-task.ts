// Checks one task file: transpile, load in a fresh sandbox, run every hidden check, and turn
// whatever happened (a failure, a compile error, an endless loop, a crash) into a TaskResult.
import { createHash } from 'node:crypto';
import { CheckFailure, type CheckSpec, type Failure, makeCheckContext } from './check-kit.js';
import {
  defaultLimits,
  type Sandbox,
  type SandboxLimits,
  SandboxPool,
  SandboxStopped,
} from './sandbox.js';
import { type Bundle, firstFrame, mapStack, transpileTask } from './transpile.js';
import type { CheckResult, TaskResult, TaskStatus } from './types.js';

/** A named mistake's words, from the lesson. */
export interface MistakeText {
  readonly title: string;
  readonly explanation: string;
}

/** Everything the engine needs to know about a task. */
export interface TaskSpec {
  readonly id: string;
  /** The workspace file, e.g. `01-sigmoid.ts`. */
  readonly file: string;
  readonly exportName: string;
  readonly params: readonly string[];
  readonly checks: readonly CheckSpec[];
  readonly mistakes: Readonly<Record<string, MistakeText>>;
}

/** Options of a run. */
export interface RunOptions {
  readonly workspaceDir: string;
  readonly limits?: Partial<SandboxLimits>;
  /** Supplies warm workers; a private pool is used (and closed) when none is given. */
  readonly pool?: SandboxPool;
  /** Aborting stops the run at once; `runTask` then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** Runs every check of `task` against the student's file. Student failures are data, not errors. */
export async function runTask(task: TaskSpec, options: RunOptions): Promise<TaskResult> {
  const started = performance.now();
  const limits: SandboxLimits = { ...defaultLimits, ...options.limits };
  const finish = (
    fields: Omit<
      TaskResult,
      'taskId' | 'file' | 'durationMs' | 'notImplemented' | 'diagnostics' | 'output'
    > &
      Partial<Pick<TaskResult, 'diagnostics' | 'output'>>,
  ): TaskResult => ({
    taskId: task.id,
    file: task.file,
    diagnostics: [],
    output: { text: '', droppedBytes: 0 },
    ...fields,
    notImplemented:
      fields.checks.length > 0 &&
      fields.checks.every((check) => check.message.startsWith('Not implemented yet')),
    durationMs: Math.round(performance.now() - started),
  });

  options.signal?.throwIfAborted();
  const transpiled = await transpileTask(options.workspaceDir, task.file);
  options.signal?.throwIfAborted();
  if (!transpiled.ok) {
    const first = transpiled.diagnostics[0];
    const error = first
      ? `${first.file}:${first.line}:${first.column}: ${first.message}`
      : `${task.file} could not be compiled.`;
    return finish({
      status: 'compile-error',
      error,
      diagnostics: transpiled.diagnostics,
      checks: task.checks.map((check) =>
        skipped(check.name, 'Not run: the file does not compile.'),
      ),
    });
  }

  const ownPool = options.pool ? undefined : new SandboxPool(limits.heapMb);
  const sandbox = (options.pool ?? ownPool)?.acquire() as Sandbox;
  const bundle = transpiled.bundle;
  const onAbort = () => sandbox.cancel();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const { status, checks, error } = await runChecks(task, sandbox, bundle, limits);
    await sandbox.flush();
    await sandbox.dispose();
    options.signal?.throwIfAborted();
    return finish({ status, checks, output: sandbox.output(), ...(error ? { error } : {}) });
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await sandbox.dispose();
    await ownPool?.close();
    bundle.dispose();
  }
}

async function runChecks(
  task: TaskSpec,
  sandbox: Sandbox,
  bundle: Bundle,
  limits: SandboxLimits,
): Promise<{ status: TaskStatus; checks: CheckResult[]; error?: string }> {
  const checks: CheckResult[] = [];
  const skipRest = (from: number, why: string) => {
    for (const check of task.checks.slice(from)) checks.push(skipped(check.name, why));
  };
  let loaded: Awaited<ReturnType<Sandbox['load']>>;
  try {
    loaded = await sandbox.load(bundle.url, limits);
  } catch (error) {
    if (!(error instanceof SandboxStopped)) throw error;
    skipRest(0, `Not run: ${error.detail}`);
    return { status: stopStatus(error), checks, error: error.detail };
  }
  if (loaded.kind === 'load-error') {
    const stack = mapStack(loaded.error.stack, bundle);
    const where = firstFrame(stack);
    const error = `${task.file} threw while loading${where ? ` (${where})` : ''}: ${loaded.error.name}: ${loaded.error.message}`;
    skipRest(0, `Not run: ${error}`);
    return { status: 'crash', checks, error };
  }

  for (const [index, check] of task.checks.entries()) {
    const context = makeCheckContext({
      exportName: task.exportName,
      params: task.params,
      file: task.file,
      seed: seedFor(task.id, check.name),
      call: (name, args) => sandbox.call(name, args),
      mapStack: (error) => mapStack(error.stack, bundle),
    });
    try {
      await check.run(context);
      checks.push({ name: check.name, passed: true, message: '' });
    } catch (error) {
      if (error instanceof CheckFailure) {
        checks.push(failed(check.name, error.failure, task));
        continue;
      }
      if (error instanceof SandboxStopped) {
        if (error.reason === 'cancelled')
          throw new DOMException('The check was cancelled.', 'AbortError');
        checks.push({ name: check.name, passed: false, message: error.detail });
        skipRest(index + 1, 'Not run: the run stopped at an earlier check.');
        return { status: stopStatus(error), checks, error: error.detail };
      }
      throw error;
    }
  }
  return { status: checks.every((check) => check.passed) ? 'pass' : 'fail', checks };
}

function stopStatus(stop: SandboxStopped): TaskStatus {
  if (stop.reason === 'timeout') return 'timeout';
  if (stop.reason === 'cancelled') throw new DOMException('The check was cancelled.', 'AbortError');
  return 'crash';
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

/** A fixed seed per check, so the same file always meets the same inputs. */
function seedFor(taskId: string, checkName: string): number {
  return createHash('sha256').update(`${taskId}\0${checkName}`).digest().readUInt32LE(0);
}
