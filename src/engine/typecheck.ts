// Type errors in a student's file, from TypeScript's language service in a child process of the
// tutor. A process rather than a worker thread: a thread's heap is the tutor's resident memory
// (the compiler is ~80 MB of it, for a courtesy shown beside the verdict), a process's is not,
// and stopping the process gives every byte back. Started on the first request, never before
// (loading the compiler takes ~0.5 s and must not delay the first frame or a verdict), and
// stopped after a while without requests; the next request starts it again.
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultLessonsDir } from '../lessons/load.js';
import type { Diagnostic } from './types.js';

const defaultScript = fileURLToPath(new URL('./typecheck-worker.js', import.meta.url));

type Reply = { readonly id: number; readonly diagnostics?: Diagnostic[]; readonly error?: string };
type Pending = { resolve: (diagnostics: Diagnostic[]) => void; reject: (error: Error) => void };

/** How the type-checker's process is run. */
export interface TypeCheckerOptions {
  /**
   * Stop the process after this long without a request (ms). A student reading the lesson
   * holds no compiler in memory; the price is one cold start (~1 s) on the next save.
   */
  readonly idleMs?: number;
  /** Cap on the process's JavaScript heap (MB): a runaway program ends the process, not the machine. */
  readonly heapMb?: number;
  /** The script to run (tests only). */
  readonly script?: string;
  /**
   * The workspace template shipped with the tutor (default `lessons/workspace`): its
   * tsconfig.json's libraries and its sandbox-globals.d.ts are what every workspace is checked
   * against, whatever the workspace's own copies say.
   */
  readonly templateDir?: string;
}

export const defaultTypeCheckerOptions = { idleMs: 45_000, heapMb: 256 } as const;

// The process may read anything (the compiler, the workspace) and write nothing, start no
// process and no thread: whatever the compiler does, the student's files are never touched.
// Node 20–22 name the flag --experimental-permission, later ones --permission.
const permissionFlags = process.allowedNodeEnvironmentFlags.has('--permission')
  ? ['--permission', '--allow-fs-read=*']
  : process.allowedNodeEnvironmentFlags.has('--experimental-permission')
    ? ['--experimental-permission', '--allow-fs-read=*']
    : [];

/** Checks workspace files against the workspace's tsconfig.json, one request at a time. */
export class TypeChecker {
  private child: ChildProcess | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly idleMs: number;
  private readonly heapMb: number;
  private readonly script: string;
  private readonly templateDir: string;

  constructor(options: TypeCheckerOptions = {}) {
    this.idleMs = options.idleMs ?? defaultTypeCheckerOptions.idleMs;
    this.heapMb = options.heapMb ?? defaultTypeCheckerOptions.heapMb;
    this.script = options.script ?? defaultScript;
    this.templateDir = options.templateDir ?? path.join(defaultLessonsDir(), 'workspace');
  }

  /** Type errors of `file` (relative to `workspaceDir`). Rejects if the checker itself fails. */
  check(workspaceDir: string, file: string): Promise<Diagnostic[]> {
    this.cancelIdleStop();
    let child: ChildProcess;
    try {
      child = this.ensureChild();
    } catch (error) {
      return Promise.reject(new Error(`Failed to start the type-checker: ${messageOf(error)}`));
    }
    const id = this.nextId++;
    // Held open while an answer is awaited, so a caller with nothing else to wait for gets it.
    child.channel?.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      child.send({ id, dir: workspaceDir, file, template: this.templateDir }, (error) => {
        if (!error) return;
        // The process died between the request and the send: its 'exit' fails the rest.
        this.settle(id, new Error(`Failed to type-check: ${error.message}`));
      });
    });
  }

  /** Whether the type-checker's process is running now (for tests and measurements). */
  get running(): boolean {
    return this.child !== undefined;
  }

  /** The running process's id, if any (for tests and measurements). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Stops the process (a later `check` starts a new one) and waits until it has exited. */
  async close(): Promise<void> {
    this.cancelIdleStop();
    const child = this.child;
    this.child = undefined;
    this.failAll(new Error('The type-checker was closed.'));
    if (child) await stop(child);
  }

  private ensureChild(): ChildProcess {
    if (this.child) return this.child;
    const child = fork(this.script, [], {
      // Not the tutor's own flags (a debugger, a loader): only those meant for this process.
      // A 1 MB young generation and V8's lite mode (the interpreter alone, no compiled code
      // kept) make the compiler's process about a third smaller (the bench's memory table).
      // Interpreted, a check takes longer, but it runs after the verdict is on screen and its
      // type errors are a courtesy beside it: the student never waits for them.
      execArgv: [
        `--max-old-space-size=${this.heapMb}`,
        '--max-semi-space-size=1',
        '--lite-mode',
        ...permissionFlags,
        '--no-warnings',
      ],
      // Nothing it prints may land on the tutor's screen.
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      serialization: 'json',
    });
    // An idle type-checker must not keep the tutor running after the student quits: neither the
    // process nor (between requests) its channel is waited for; the channel closing when the
    // tutor exits makes the process exit too.
    child.unref();
    child.channel?.unref();
    // Only a crash of the tutor skips `close`: then this ends the process, or failing that
    // (SIGKILL, which runs no code) the channel closing does.
    const killOnExit = () => child.kill();
    process.once('exit', killOnExit);
    child.on('message', (reply: Reply) => {
      if (reply.error !== undefined)
        this.settle(reply.id, new Error(`Failed to type-check: ${reply.error}`));
      else this.settle(reply.id, reply.diagnostics ?? []);
    });
    child.on('error', (error) => {
      // Spawning failed, or a message could not be sent: the process is no use any more.
      if (this.child === child) this.child = undefined;
      this.failAll(new Error(`Failed to type-check: ${error.message}`));
      child.kill();
    });
    child.on('exit', (code, signal) => {
      process.off('exit', killOnExit);
      if (this.child !== child) return;
      this.child = undefined;
      this.cancelIdleStop();
      this.failAll(
        new Error(
          `Failed to type-check: the type-checker stopped (${signal ?? `exit code ${code}`}).`,
        ),
      );
    });
    this.child = child;
    return child;
  }

  private settle(id: number, outcome: Diagnostic[] | Error): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    if (outcome instanceof Error) entry.reject(outcome);
    else entry.resolve(outcome);
    if (this.pending.size === 0) {
      this.child?.channel?.unref();
      this.scheduleIdleStop();
    }
  }

  private scheduleIdleStop(): void {
    this.cancelIdleStop();
    if (!this.child) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      const child = this.child;
      if (!child || this.pending.size > 0) return;
      this.child = undefined;
      void stop(child);
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private cancelIdleStop(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  private failAll(error: Error): void {
    const entries = [...this.pending.values()];
    this.pending.clear();
    for (const entry of entries) entry.reject(error);
  }
}

// A process that ignores SIGTERM (it never should) is killed outright after this long.
const killAfterMs = 2000;

/** Ends `child` (SIGTERM: a check in progress is not waited for) and resolves once it is gone. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // Waited for, or a caller with nothing else to do would end before `close()` resolves.
    child.ref();
    const forced = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    forced.unref();
    child.once('exit', () => {
      clearTimeout(forced);
      resolve();
    });
    child.kill();
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
