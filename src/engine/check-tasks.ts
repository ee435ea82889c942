// Checks several tasks of one workspace: a few at a time on a shared pool of sandboxes, with
// results handed back in lesson order as soon as every earlier task is done.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { runTask, type TaskSpec } from './run-task.js';
import { defaultLimits, type SandboxLimits, SandboxPool } from './sandbox.js';
import { unreadSource } from './source-hash.js';
import type { TaskResult } from './types.js';

/** A task's result, saying also whether its file was missing (so nothing ran). */
export interface CheckedTask extends TaskResult {
  /** The task file is not in the workspace: deleted or renamed. Restore it from the starter. */
  readonly missingFile?: boolean;
}

/** Options of `checkTasks`. */
export interface CheckTasksOptions {
  readonly workspaceDir: string;
  readonly limits?: Partial<SandboxLimits>;
  /** Shared warm workers; a private pool is made (and closed) when none is given. */
  readonly pool?: SandboxPool;
  /** How many tasks run at once (default: `defaultConcurrency()`). */
  readonly concurrency?: number;
  /** Aborting stops every run; `checkTasks` then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Called once per task, in the order of `tasks`, as soon as it and all before it are done. */
  readonly onResult?: (result: CheckedTask, index: number) => void;
}

/**
 * Each run is student code on a worker plus checks on the main thread, so more lanes than cores
 * only make every run slower; two keeps one core busy while the other waits on a worker.
 */
export function defaultConcurrency(): number {
  return Math.max(2, Math.min(4, availableParallelism()));
}

/** How many tasks run at once when checking `taskCount` tasks: a sandbox worker for each. */
export function laneCount(taskCount: number, concurrency = defaultConcurrency()): number {
  return Math.max(1, Math.min(concurrency, taskCount));
}

/**
 * How many sandbox processes to prepare for checking `taskCount` tasks: one per lane, and one
 * more while tasks are left for later, so a lane that finishes a task finds the next process
 * ready (each serves one run, and its replacement starts only when a run ends).
 */
export function sandboxCount(taskCount: number, concurrency = defaultConcurrency()): number {
  const lanes = laneCount(taskCount, concurrency);
  return taskCount > lanes ? lanes + 1 : lanes;
}

/** Runs every task's checks and returns the results in the order of `tasks`. */
export async function checkTasks(
  tasks: readonly TaskSpec[],
  options: CheckTasksOptions,
): Promise<CheckedTask[]> {
  options.signal?.throwIfAborted();
  const limits: SandboxLimits = { ...defaultLimits, ...options.limits };
  const ownPool = options.pool ? undefined : new SandboxPool(limits.heapMb);
  const lanes = laneCount(tasks.length, options.concurrency);
  ownPool?.prewarm(sandboxCount(tasks.length, options.concurrency));
  const pool = options.pool ?? (ownPool as SandboxPool);
  // One failing run (a tutor bug, or the caller's abort) stops the others.
  const stop = new AbortController();
  const onAbort = () => stop.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const results: (CheckedTask | undefined)[] = new Array(tasks.length).fill(undefined);
  let nextToStart = 0;
  let nextToReport = 0;
  let restoreSpares: (() => void) | undefined;
  const report = () => {
    for (let result = results[nextToReport]; result !== undefined; result = results[nextToReport]) {
      options.onResult?.(result, nextToReport);
      nextToReport++;
    }
  };
  const lane = async () => {
    while (nextToStart < tasks.length) {
      const index = nextToStart++;
      // Processes started for runs that will never come would only slow the last ones.
      const unstarted = tasks.length - nextToStart;
      if (unstarted < lanes) {
        const restore = pool.limitSpares(unstarted);
        restoreSpares ??= restore;
      }
      const task = tasks[index] as TaskSpec;
      results[index] = existsSync(path.join(options.workspaceDir, task.file))
        ? await runTask(task, {
            workspaceDir: options.workspaceDir,
            limits,
            pool,
            signal: stop.signal,
          })
        : missingFileResult(task);
      report();
    }
  };

  try {
    await Promise.all(
      Array.from({ length: lanes }, () =>
        lane().catch((error: unknown) => {
          stop.abort(error);
          throw error;
        }),
      ),
    );
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    restoreSpares?.();
    await ownPool?.close();
  }
  return results as CheckedTask[];
}

/** The result of a task whose file is gone: every check skipped, and how to get it back. */
export function missingFileResult(task: Pick<TaskSpec, 'id' | 'file' | 'checks'>): CheckedTask {
  const error = `${task.file} is not in the workspace (deleted or renamed?). Restore the starter with \`logreg-tutor reset ${task.id}\`.`;
  return {
    taskId: task.id,
    file: task.file,
    status: 'compile-error',
    checks: task.checks.map((check) => ({
      name: check.name,
      passed: false,
      message: `Not run: ${task.file} is missing.`,
      skipped: true,
    })),
    error,
    diagnostics: [],
    output: { text: '', droppedBytes: 0 },
    durationMs: 0,
    notImplemented: false,
    missingFile: true,
    // Nothing was read: still missing at the next start is no change.
    sources: { [task.file]: unreadSource },
  };
}
