// Runs one bundled student file in a worker thread of its own, one worker per run, and lets the
// tutor call its exports. Time, memory and output are bounded here; verdicts are not made here.
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { pack, unpack } from './packing.js';
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

type Pending = { resolve: (outcome: unknown) => void; reject: (error: Error) => void };

/** One worker, used for one run and then thrown away. */
export class Sandbox {
  private readonly worker: Worker;
  /** The private channel to the harness; the worker's parentPort is not listened to. */
  private readonly port: MessagePort;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped: SandboxStopped | undefined;
  private readonly ready: Promise<void>;
  private outputText = '';
  private droppedBytes = 0;
  private deadline: NodeJS.Timeout | undefined;
  private memoryWatch: NodeJS.Timeout | undefined;
  private limits: SandboxLimits = defaultLimits;
  private readonly whenStopped: Promise<never>;
  private rejectWhenStopped: (error: SandboxStopped) => void = () => {};

  /** Starts a worker; it can be kept warm until a run needs it. */
  constructor(heapMb = defaultLimits.heapMb) {
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.worker = new Worker(workerUrl, {
      workerData: { port: channel.port2, outputBytes: defaultLimits.outputBytes },
      transferList: [channel.port2],
      stdout: true,
      stderr: true,
      resourceLimits: {
        maxOldGenerationSizeMb: heapMb,
        maxYoungGenerationSizeMb: 32,
        stackSizeMb: 4,
      },
    });
    this.whenStopped = new Promise<never>((_, reject) => {
      this.rejectWhenStopped = reject;
    });
    // Only awaited while waiting for the worker to boot; never an unhandled rejection.
    this.whenStopped.catch(() => {});
    // console.* comes back with each reply; this catches direct process.stdout writes.
    this.worker.stdout.on('data', (chunk: Buffer) => this.capture(chunk.toString('utf8'), 0));
    this.worker.stderr.on('data', (chunk: Buffer) => this.capture(chunk.toString('utf8'), 0));
    this.ready = new Promise<void>((resolve) => {
      const onReady = (message: { type?: string }) => {
        if (message?.type === 'ready') {
          this.port.off('message', onReady);
          resolve();
        }
      };
      this.port.on('message', onReady);
    });
    // Without an 'error' listener, an out-of-memory worker would take the tutor down with it.
    this.worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.stop(
          'memory',
          `Your code ran out of memory (the limit is ${heapMb} MB). Look for an array that grows without end.`,
        );
      } else {
        this.stop('crash', `Your code crashed the sandbox: ${error.message}`);
      }
    });
    this.worker.on('exit', (code) => {
      this.stop(
        'exit',
        `Your code ended the run early (process.exit(${code})). Remove the call to process.exit: a check must get a value back.`,
      );
    });
    this.port.on('message', (message) => this.receive(message));
    // A warm worker must not keep the tutor alive on its own.
    this.worker.unref();
    this.port.unref();
  }

  /** Loads the bundled student module and starts the run's clock. */
  async load(url: string, limits: SandboxLimits): Promise<LoadOutcome> {
    this.limits = limits;
    await Promise.race([this.ready, this.whenStopped]);
    this.startClock();
    return (await this.request({ type: 'load', url })) as LoadOutcome;
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
    const unpacked: Record<string, unknown> = { ...outcome, elapsedMs };
    if ('value' in outcome) unpacked.value = unpack(outcome.value);
    if (Array.isArray(outcome.argsAfter)) unpacked.argsAfter = outcome.argsAfter.map(unpack);
    return unpacked as CallOutcome;
  }

  /** Waits until everything the student's code printed has arrived (or the sandbox stopped). */
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

  /** Ends the worker and waits until its output is in. */
  async dispose(): Promise<void> {
    this.clearTimers();
    this.stopped ??= new SandboxStopped('cancelled', 'The run is over.');
    this.rejectPending(this.stopped);
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
    this.port.close();
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
      this.port.postMessage({ ...message, id });
    });
  }

  private receive(message: {
    type?: string;
    id?: number;
    outcome?: unknown;
    printed?: string;
    dropped?: number;
  }): void {
    if (typeof message?.printed === 'string') this.capture(message.printed, message.dropped ?? 0);
    if (message.type === 'result' && typeof message.id === 'number') {
      const entry = this.pending.get(message.id);
      this.pending.delete(message.id);
      entry?.resolve(message.outcome);
    }
  }

  private stop(reason: StopReason, detail: string): void {
    if (this.stopped) return;
    this.stopped = new SandboxStopped(reason, detail);
    this.clearTimers();
    this.rejectPending(this.stopped);
    this.rejectWhenStopped(this.stopped);
    void this.worker.terminate();
  }

  private rejectPending(error: Error): void {
    for (const entry of this.pending.values()) entry.reject(error);
    this.pending.clear();
  }

  private clearTimers(): void {
    clearTimeout(this.deadline);
    clearInterval(this.memoryWatch);
  }

  private capture(text: string, droppedElsewhere: number): void {
    this.droppedBytes += droppedElsewhere;
    const room = this.limits.outputBytes - this.outputText.length;
    if (room <= 0) {
      this.droppedBytes += text.length;
      return;
    }
    this.outputText += text.slice(0, room);
    this.droppedBytes += Math.max(0, text.length - room);
  }
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s`;
}

/**
 * Keeps one worker started ahead of time, so a run does not wait for a worker to boot
 * (~50 ms). Each worker serves one run and is replaced: runs never share a realm.
 */
export class SandboxPool {
  private warm: Sandbox | undefined;

  constructor(private readonly heapMb = defaultLimits.heapMb) {}

  /** A fresh worker for one run; a new one starts warming at once. */
  acquire(): Sandbox {
    const sandbox = this.warm ?? new Sandbox(this.heapMb);
    this.warm = new Sandbox(this.heapMb);
    return sandbox;
  }

  /** Starts the first warm worker ahead of the first run. */
  prewarm(): void {
    this.warm ??= new Sandbox(this.heapMb);
  }

  async close(): Promise<void> {
    const warm = this.warm;
    this.warm = undefined;
    await warm?.dispose();
  }
}
