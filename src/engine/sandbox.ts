// Runs bundled student files in worker threads and lets the tutor call their exports. Time,
// memory and output are bounded here; verdicts are not made here.
//
// A worker serves one run after another: each run's code is compiled into a fresh V8 context
// (sandbox-worker.js), so runs share no globals, no module state and no intrinsics, while the
// ~50 ms a worker takes to boot is paid once, not on every save. A run that ends in any other
// way than cleanly (a time or memory limit, a crash, a cancel, async code that may still be
// running) takes its worker with it, and the pool starts a new one.
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { pack, unpack } from './packing.js';
import type { Bundle } from './transpile.js';
import type { ConsoleOutput } from './types.js';

/** Why a sandbox stopped before the run was over. */
export type StopReason = 'timeout' | 'memory' | 'exit' | 'crash' | 'cancelled';

/** Thrown into the checks when the sandbox stops: the run is over, its remaining checks skip. */
export class SandboxStopped extends Error {
  override readonly name = 'SandboxStopped';
  constructor(
    readonly reason: StopReason,
    /** One plain sentence for the student. */
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** An error as the student's code threw it (stack not yet mapped to their files). */
export interface ThrownError {
  readonly name: string;
  readonly message: string;
  readonly stack: string;
}

/** A function argument the sandbox builds on its side (functions cannot cross threads). */
export interface FunctionArgument {
  readonly __logregFunction:
    | {
        readonly kind: 'poly';
        readonly a: number[];
        readonly b: number[];
        readonly c: number[];
        readonly d: number[];
        readonly Q?: number[][];
      }
    | { readonly kind: 'logistic-loss'; readonly X: number[][]; readonly y: number[] }
    | { readonly kind: 'cosine'; readonly k: number[] };
}

/** What one call of a student export came to, as raw data. */
export type CallOutcome =
  | {
      readonly kind: 'value';
      /** Time spent inside the student's function alone, by the harness's clock (bound before student code loads). */
      readonly computeMs: number;
      readonly value: unknown;
      readonly argsAfter: unknown[];
      readonly functionCalls: number;
      readonly elapsedMs: number;
    }
  | {
      readonly kind: 'throw';
      readonly error: ThrownError;
      readonly argsAfter: unknown[];
      readonly functionCalls: number;
      readonly elapsedMs: number;
    }
  | {
      readonly kind: 'promise';
      readonly argsAfter: unknown[];
      readonly functionCalls: number;
      readonly elapsedMs: number;
    }
  | { readonly kind: 'missing'; readonly found: string; readonly elapsedMs: number }
  | { readonly kind: 'unclonable'; readonly error: ThrownError; readonly elapsedMs: number };

/** What loading the student's module came to. */
export type LoadOutcome =
  | { readonly kind: 'loaded'; readonly exports: readonly string[] }
  | { readonly kind: 'load-error'; readonly error: ThrownError };

/** Limits for one run. */
export interface SandboxLimits {
  /** Wall time for the whole run, from loading the student's module to the last check. */
  readonly timeoutMs: number;
  /** Cap on the worker's JavaScript heap. */
  readonly heapMb: number;
  /**
   * Cap on how far the tutor's resident memory may grow during the run beyond the heap cap:
   * typed arrays live outside the heap, so this is what stops a runaway Float64Array.
   */
  readonly externalMb: number;
  /** Cap on what the student's code may print before the rest is dropped. */
  readonly outputBytes: number;
}

export const defaultLimits: SandboxLimits = {
  timeoutMs: 5000,
  heapMb: 512,
  externalMb: 1024,
  outputBytes: 16 * 1024,
};

const workerUrl = new URL('./sandbox-worker.js', import.meta.url);

const rssPollMs = 100;

// A worker is replaced after this many runs: each run's context is collected with it, but a
// student's session can last hours, and a fresh worker now and then keeps whatever V8 keeps
// per isolate from building up.
const runsPerWorker = 200;

type Pending = { resolve: (outcome: unknown) => void; reject: (error: Error) => void };

/** What the harness sends: replies to requests, output as it grows, and `ready` once. */
interface HarnessMessage {
  readonly type?: string;
  readonly id?: number;
  readonly outcome?: unknown;
  readonly printed?: string;
  readonly dropped?: number;
}

/** A worker thread that runs student code, one run at a time, each in a fresh context. */
class SandboxWorker {
  private readonly worker: Worker;
  /** The private channel to the harness; the worker's parentPort is not listened to. */
  private readonly port: MessagePort;
  /** Resolves once the harness is up; rejects if the worker dies first. */
  readonly ready: Promise<void>;
  /** The run it serves now: it gets the worker's messages, and its death. */
  current: Sandbox | undefined;
  runs = 0;
  /** Why the worker is gone (or going); a dead worker serves no further run. */
  dead: SandboxStopped | undefined;
  private markDead: (error: SandboxStopped) => void = () => {};

  constructor(
    readonly heapMb: number,
    private readonly onDeath: (worker: SandboxWorker) => void = () => {},
  ) {
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.worker = new Worker(workerUrl, {
      workerData: { port: channel.port2 },
      transferList: [channel.port2],
      stdout: true,
      stderr: true,
      resourceLimits: {
        maxOldGenerationSizeMb: heapMb,
        // The young generation is resident memory of the tutor (a worker is a thread of it)
        // and refills between collections: at 32 MB two busy workers held ~85 MB, at 8 MB
        // ~35 MB, and at 4 MB the TUI peaks ~7 MB lower than at 8 after checking every task.
        // Checks allocate small arrays that die young, so collecting more often costs them
        // little (`check` of every task: 647 vs 665 ms, medians of 8 paired runs).
        maxYoungGenerationSizeMb: 4,
        stackSizeMb: 4,
      },
    });
    const died = new Promise<never>((_, reject) => {
      this.markDead = reject;
    });
    this.ready = Promise.race([
      died,
      new Promise<void>((resolve) => {
        const onReady = (message: HarnessMessage) => {
          if (message?.type !== 'ready') return;
          this.port.off('message', onReady);
          resolve();
        };
        this.port.on('message', onReady);
      }),
    ]);
    // A worker may die before any run waited for it: never an unhandled rejection.
    this.ready.catch(() => {});
    // Without an 'error' listener, an out-of-memory worker would take the tutor down with it.
    this.worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.die(
          'memory',
          `Your code ran out of memory (the limit is ${heapMb} MB). Look for an array that grows without end.`,
        );
      } else {
        this.die('crash', `Your code crashed the sandbox: ${error.message}`);
      }
    });
    this.worker.on('exit', (code) => {
      this.die('crash', `The sandbox stopped unexpectedly (exit code ${code}).`);
    });
    this.port.on('message', (message: HarnessMessage) => {
      if (message?.type !== 'ready') this.current?.receive(message);
    });
    // The harness writes nothing itself; whatever reaches these streams is shown with the run.
    this.worker.stdout.on('data', (chunk: Buffer) =>
      this.current?.capture(chunk.toString('utf8'), 0),
    );
    this.worker.stderr.on('data', (chunk: Buffer) =>
      this.current?.capture(chunk.toString('utf8'), 0),
    );
    // A warm worker must not keep the tutor alive on its own.
    this.worker.unref();
    this.port.unref();
  }

  post(message: Record<string, unknown>): void {
    this.port.postMessage(message);
  }

  /** Ends the worker for `reason`; its current run stops with the same words. */
  die(reason: StopReason, detail: string): void {
    if (this.dead) return;
    this.dead = new SandboxStopped(reason, detail);
    this.markDead(this.dead);
    this.current?.stop(reason, detail);
    void this.worker.terminate();
    this.onDeath(this);
  }

  /** Ends the worker and waits until it is gone. */
  async terminate(): Promise<void> {
    this.worker.removeAllListeners('exit');
    this.dead ??= new SandboxStopped('cancelled', 'The sandbox was closed.');
    this.markDead(this.dead);
    await this.worker.terminate();
    this.port.close();
  }
}

/** How a run hands its worker back when it ends. */
type ReleaseWorker = (worker: SandboxWorker, reusable: boolean) => void;

/** One run: a student module loaded into a fresh context of a worker, and calls into it. */
export class Sandbox {
  private readonly worker: SandboxWorker;
  private readonly release: ReleaseWorker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped: SandboxStopped | undefined;
  private disposed = false;
  /** The student's code returned a Promise: async code may still be running after the run. */
  private sawAsync = false;
  private outputText = '';
  private droppedBytes = 0;
  private deadline: NodeJS.Timeout | undefined;
  private memoryWatch: NodeJS.Timeout | undefined;
  private limits: SandboxLimits = defaultLimits;

  /**
   * A run on a worker of its own, started now and ended with the run. A pool passes one of
   * its workers instead (see `SandboxPool.acquire`).
   */
  constructor(
    heapMb = defaultLimits.heapMb,
    lease?: { worker: SandboxWorker; release: ReleaseWorker },
  ) {
    this.worker = lease?.worker ?? new SandboxWorker(heapMb);
    this.release = lease?.release ?? ((worker) => void worker.terminate());
    this.worker.current = this;
    this.worker.runs++;
  }

  /** Loads the bundled student module into a fresh context and starts the run's clock. */
  async load(
    bundle: Pick<Bundle, 'code' | 'filename'>,
    limits: SandboxLimits,
  ): Promise<LoadOutcome> {
    this.limits = limits;
    if (this.worker.dead) this.stop(this.worker.dead.reason, this.worker.dead.detail);
    if (this.stopped) throw this.stopped;
    await this.worker.ready.catch(() => {});
    if (this.stopped) throw this.stopped;
    this.startClock();
    const outcome = (await this.request({
      type: 'load',
      code: bundle.code,
      filename: bundle.filename,
      outputBytes: limits.outputBytes,
    })) as LoadOutcome | ExitOutcome;
    if (outcome.kind === 'exit') throw this.exited(outcome.code);
    return outcome;
  }

  /** Calls `exportName(...args)` in the sandbox. Rejects with SandboxStopped if the run stops. */
  async call(exportName: string, args: readonly unknown[]): Promise<CallOutcome> {
    const sent = performance.now();
    const packed = args.map(pack);
    const outcome = (await this.request({ type: 'call', exportName, args: packed })) as Record<
      string,
      unknown
    >;
    // Timed here, not in the worker, whose clock the student's code could patch.
    const elapsedMs = performance.now() - sent;
    if (outcome.kind === 'exit') throw this.exited(Number(outcome.code));
    if (outcome.kind === 'promise') this.sawAsync = true;
    const unpacked: Record<string, unknown> = { ...outcome, elapsedMs };
    if ('value' in outcome) unpacked.value = unpack(outcome.value);
    if (Array.isArray(outcome.argsAfter)) unpacked.argsAfter = outcome.argsAfter.map(unpack);
    return unpacked as CallOutcome;
  }

  /**
   * Waits until everything the student's code printed has arrived (or the sandbox stopped).
   * The reply comes once the worker has run every microtask the run queued: it is idle again.
   */
  async flush(): Promise<void> {
    await this.request({ type: 'flush' }).catch(() => {});
  }

  /** Stops the run from outside (a newer save, Esc). */
  cancel(): void {
    this.stop('cancelled', 'The check was cancelled.');
  }

  /** What the student's code printed so far. */
  output(): ConsoleOutput {
    return { text: this.outputText, droppedBytes: this.droppedBytes };
  }

  /**
   * Ends the run. A run that ended cleanly hands its worker back for the next run (its context
   * is dropped); any other ends the worker, and waits until it is gone.
   */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.clearTimers();
    const reusable = !this.stopped && !this.sawAsync && !this.worker.dead;
    this.stopped ??= new SandboxStopped('cancelled', 'The run is over.');
    this.rejectPending(this.stopped);
    if (this.worker.current === this) this.worker.current = undefined;
    if (reusable) {
      this.worker.post({ type: 'end' });
      this.release(this.worker, true);
      return;
    }
    await this.worker.terminate();
    this.release(this.worker, false);
  }

  /** Ends the run with `reason`; the worker goes too, as it may still be busy with the run. */
  stop(reason: StopReason, detail: string): void {
    if (this.stopped) return;
    this.stopped = new SandboxStopped(reason, detail);
    this.clearTimers();
    this.rejectPending(this.stopped);
    this.worker.die(reason, detail);
  }

  receive(message: HarnessMessage): void {
    if (typeof message?.printed === 'string') this.capture(message.printed, message.dropped ?? 0);
    if (message.type === 'result' && typeof message.id === 'number') {
      const entry = this.pending.get(message.id);
      this.pending.delete(message.id);
      entry?.resolve(message.outcome);
    }
  }

  capture(text: string, droppedElsewhere: number): void {
    this.droppedBytes += droppedElsewhere;
    const room = this.limits.outputBytes - this.outputText.length;
    if (room <= 0) {
      this.droppedBytes += text.length;
      return;
    }
    this.outputText += text.slice(0, room);
    this.droppedBytes += Math.max(0, text.length - room);
  }

  private exited(code: number): SandboxStopped {
    this.stop(
      'exit',
      `Your code ended the run early (process.exit(${code})). Remove the call to process.exit: a check must get a value back.`,
    );
    return this.stopped as SandboxStopped;
  }

  private startClock(): void {
    const { timeoutMs } = this.limits;
    this.deadline = setTimeout(() => {
      this.stop(
        'timeout',
        `Your code did not finish within ${formatSeconds(timeoutMs)} (an endless loop?). Look for a loop whose condition never becomes false.`,
      );
    }, timeoutMs);
    const baseline = process.memoryUsage.rss();
    const capMb = this.limits.heapMb + this.limits.externalMb;
    this.memoryWatch = setInterval(() => {
      if (process.memoryUsage.rss() - baseline > capMb * 1024 ** 2) {
        this.stop(
          'memory',
          `Your code used more than ${capMb} MB of memory. Look for an array that grows without end.`,
        );
      }
    }, rssPollMs);
    this.memoryWatch.unref();
  }

  private request(message: Record<string, unknown>): Promise<unknown> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.post({ ...message, id });
    });
  }

  private rejectPending(error: Error): void {
    for (const entry of this.pending.values()) entry.reject(error);
    this.pending.clear();
  }

  private clearTimers(): void {
    clearTimeout(this.deadline);
    clearInterval(this.memoryWatch);
  }
}

/** The harness's reply when the student's code called `process.exit`. */
interface ExitOutcome {
  readonly kind: 'exit';
  readonly code: number;
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s`;
}

/**
 * Workers for runs, started ahead of time so a run does not wait ~50 ms for one to boot. A
 * worker whose run ended cleanly comes back for the next run; one that did not is replaced.
 */
export class SandboxPool {
  private readonly idle: SandboxWorker[] = [];
  /** How many idle workers to keep ready: one, or as many as `prewarm` asked for. */
  private spares = 1;
  private closed = false;
  /** How many workers this pool has started, for tests and the benchmark. */
  workersStarted = 0;

  constructor(private readonly heapMb = defaultLimits.heapMb) {}

  /** A run on an idle worker (or a new one when none is idle). */
  acquire(): Sandbox {
    const worker = this.idle.pop() ?? this.start();
    return new Sandbox(this.heapMb, {
      worker,
      release: (done, reusable) => this.release(done, reusable),
    });
  }

  /** Starts `count` workers ahead of the first runs (as many as will run at once). */
  prewarm(count = 1): void {
    this.spares = Math.max(this.spares, count);
    while (this.idle.length < this.spares) this.idle.push(this.start());
  }

  async close(): Promise<void> {
    this.closed = true;
    const idle = this.idle.splice(0);
    await Promise.all(idle.map((worker) => worker.terminate()));
  }

  private start(): SandboxWorker {
    this.workersStarted++;
    return new SandboxWorker(this.heapMb, (dead) => this.forget(dead));
  }

  private release(worker: SandboxWorker, reusable: boolean): void {
    if (reusable && !this.closed && worker.runs < runsPerWorker) {
      this.idle.push(worker);
      // Keep the most recently used: its harness is already compiled.
      while (this.idle.length > this.spares) void this.idle.shift()?.terminate();
      return;
    }
    if (reusable) void worker.terminate();
    this.refill();
  }

  /** A worker died (out of memory, killed): it is no longer idle, and a new one takes its place. */
  private forget(worker: SandboxWorker): void {
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);
    this.refill();
  }

  private refill(): void {
    if (this.closed) return;
    while (this.idle.length < this.spares) this.idle.push(this.start());
  }
}
