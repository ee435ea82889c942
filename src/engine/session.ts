// One run of a student's file: bundle it, load it into a fresh sandbox context, hand the
// caller a way to call its exports (for checks or plots), and turn whatever happened into data.
import { createHash } from 'node:crypto';
import { type CheckContext, makeCheckContext } from './check-kit.js';
import {
  defaultLimits,
  Sandbox,
  type SandboxLimits,
  type SandboxPool,
  SandboxStopped,
} from './sandbox.js';
import type { SourceHashes } from './source-hash.js';
import { firstFrame, mapStack, transpileTask } from './transpile.js';
import type { ConsoleOutput, Diagnostic } from './types.js';

/** What a run needs to know of the task whose file it loads. */
export interface SessionTask {
  readonly id: string;
  /** The workspace file, e.g. `01-sigmoid.ts`. */
  readonly file: string;
  readonly exportName: string;
  readonly params: readonly string[];
}

/** Options of a run. */
export interface RunOptions {
  readonly workspaceDir: string;
  readonly limits?: Partial<SandboxLimits>;
  /** Supplies prepared sandbox processes (its own heap cap applies); without one, a process is started for the run. */
  readonly pool?: SandboxPool;
  /** Aborting stops the run at once; the run then rejects with an AbortError. */
  readonly signal?: AbortSignal;
}

/** The loaded student module, live in its sandbox for the duration of the body. */
export interface StudentSession {
  /** A context to call the task's export with, seeded from the task id and `name`. */
  context(name: string): CheckContext;
}

/**
 * How a run ended. A `stopped` run hit its time or memory limit, crashed, or threw on load.
 * `sources` holds the content hashes of the files the run read.
 */
export type SessionEnd<T> = { readonly sources: SourceHashes } & (
  | { readonly kind: 'done'; readonly value: T; readonly output: ConsoleOutput }
  | {
      readonly kind: 'compile-error';
      readonly error: string;
      readonly diagnostics: readonly Diagnostic[];
    }
  | {
      readonly kind: 'stopped';
      /** `fail` when the sandbox sent something the checks cannot read. */
      readonly status: 'timeout' | 'crash' | 'fail';
      readonly error: string;
      readonly output: ConsoleOutput;
    }
);

/**
 * Loads the task's file in a fresh sandbox and runs `body` with it. A SandboxStopped that
 * escapes `body` ends the run as `stopped`; a cancelled run rejects with an AbortError.
 */
export async function withStudentModule<T>(
  task: SessionTask,
  options: RunOptions,
  body: (session: StudentSession) => Promise<T>,
): Promise<SessionEnd<T>> {
  const limits: SandboxLimits = { ...defaultLimits, ...options.limits };
  options.signal?.throwIfAborted();
  // One time limit for the whole run: what bundling took is not given again to the sandbox.
  const started = performance.now();
  const transpiled = await transpileTask(options.workspaceDir, task.file, {
    timeoutMs: limits.timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  options.signal?.throwIfAborted();
  const sources = transpiled.ok ? transpiled.bundle.sources : transpiled.sources;
  if (!transpiled.ok) {
    if (transpiled.status === 'timeout') {
      const output = { text: '', droppedBytes: 0 };
      return { kind: 'stopped', status: 'timeout', error: transpiled.error, output, sources };
    }
    const { error, diagnostics } = transpiled;
    return { kind: 'compile-error', error, diagnostics, sources };
  }

  const bundle = transpiled.bundle;
  const sandbox = options.pool ? options.pool.acquire() : new Sandbox(limits.heapMb);
  const onAbort = () => sandbox.cancel();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const end = async <E>(value: E): Promise<E> => {
    await sandbox.flush();
    await sandbox.dispose();
    if (options.signal?.aborted) throw abortError();
    return value;
  };
  try {
    const loaded = await sandbox.load(bundle, limits, performance.now() - started);
    if (loaded.kind === 'load-error') {
      const where = firstFrame(mapStack(loaded.error.stack, bundle));
      const error = `${task.file} threw while loading${where ? ` (${where})` : ''}: ${loaded.error.name}: ${loaded.error.message}`;
      return await end({
        kind: 'stopped',
        status: 'crash',
        error,
        output: sandbox.output(),
        sources,
      });
    }
    const session: StudentSession = {
      context: (name) =>
        makeCheckContext({
          exportName: task.exportName,
          params: task.params,
          file: task.file,
          seed: seedFor(task.id, name),
          call: (exportName, args, callOptions) => sandbox.call(exportName, args, callOptions),
          callMany: (requests) => sandbox.callMany(requests),
          keep: (values) => sandbox.keep(values),
          dataset: (dataOptions) => sandbox.dataset(dataOptions),
          overwrite: (handle, values) => sandbox.overwrite(handle, values),
          mapStack: (error) => mapStack(error.stack, bundle),
        }),
    };
    const value = await body(session);
    return await end({ kind: 'done', value, output: sandbox.output(), sources });
  } catch (error) {
    if (!(error instanceof SandboxStopped)) throw error;
    if (error.reason === 'cancelled') throw abortError();
    const status = stoppedStatus(error);
    const output = sandbox.output();
    return await end({ kind: 'stopped', status, error: error.detail, output, sources });
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await disposeQuietly(sandbox);
  }
}

/** The task status a stopped run ends with: unreadable data fails, as a wrong value would. */
export function stoppedStatus(stopped: SandboxStopped): 'timeout' | 'crash' | 'fail' {
  if (stopped.reason === 'timeout') return 'timeout';
  return stopped.reason === 'unreadable' ? 'fail' : 'crash';
}

async function disposeQuietly(sandbox: Sandbox): Promise<void> {
  await sandbox.dispose().catch(() => {});
}

function abortError(): DOMException {
  return new DOMException('The check was cancelled.', 'AbortError');
}

/** A fixed seed per task and name, so the same file always meets the same inputs. */
export function seedFor(taskId: string, name: string): number {
  return createHash('sha256').update(`${taskId}\0${name}`).digest().readUInt32LE(0);
}
