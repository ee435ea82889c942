// Runs bundled student files in sandbox processes and lets the tutor call their exports. Time,
// memory and output are bounded here, and every reply is validated (wire.ts) before a check
// reads it; verdicts are not made here.
//
// A run is one process (sandbox-process.ts), prepared ahead of time and ended with the run:
// its module is loaded once and keeps its state across the run's calls. The run's clock lives
// here, in the tutor, where student code cannot hold it up; the process also stops itself at
// the same deadline, so it ends even if the tutor is gone.

import { copyOfData, type DataOptions, type Dataset } from './datasets.js';
import { formatSeconds } from './format.js';
import { type ProcessEnd, SandboxProcess } from './sandbox-process.js';
import type { Bundle } from './transpile.js';
import type { ConsoleOutput } from './types.js';
import {
  type Frame,
  frameKinds,
  type RealmReply,
  readHarnessMessage,
  readRealmReply,
  toWire,
  Unreadable,
  type WireArgument,
  wireLimits,
} from './wire.js';

/** Why a sandbox stopped before the run was over. */
export type StopReason = 'timeout' | 'memory' | 'exit' | 'crash' | 'cancelled' | 'unreadable';

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

/** A function argument the sandbox builds on its side (functions cannot be sent). */
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

/**
 * A value that lives in the sandbox for the rest of the run: passed as an argument, the student
 * gets the same object every time (and sees what earlier calls did to it). `value` is the
 * tutor's copy of what was sent, or of what the call that made it returned.
 */
export class Handle {
  constructor(
    readonly id: number,
    readonly value: unknown,
  ) {}
}

/** What one call of a student export came to, as validated data. */
export type CallOutcome =
  | {
      readonly kind: 'value';
      /** Time inside the sandbox for the call, by the sandbox host's clock (no copying, no pipe). */
      readonly computeMs: number;
      readonly value: unknown;
      /** The arguments after the call: the tutor's own where the sandbox saw no change. */
      readonly argsAfter: unknown[];
      readonly functionCalls: number;
      readonly elapsedMs: number;
      /** The returned value kept in the sandbox, when the call asked for it. */
      readonly handle?: Handle;
    }
  | {
      readonly kind: 'throw';
      readonly error: ThrownError;
      readonly functionCalls: number;
      readonly elapsedMs: number;
    }
  | { readonly kind: 'promise'; readonly functionCalls: number; readonly elapsedMs: number }
  | { readonly kind: 'missing'; readonly found: string; readonly elapsedMs: number }
  | { readonly kind: 'unreadable'; readonly reason: string; readonly elapsedMs: number };

/** One call of a batch. */
export interface CallRequest {
  readonly exportName: string;
  /** Plain data, FunctionArguments, and Handles of this run. */
  readonly args: readonly unknown[];
  /** Keep the returned value in the sandbox and hand back a Handle to it. */
  readonly keep?: boolean;
}

/** What loading the student's module came to. */
export type LoadOutcome =
  | { readonly kind: 'loaded'; readonly exports: readonly string[] }
  | { readonly kind: 'load-error'; readonly error: ThrownError };

/** Limits for one run. */
export interface SandboxLimits {
  /** Wall time for the whole run, from starting to load the module to the last reply. */
  readonly timeoutMs: number;
  /** Cap on the sandbox process's JavaScript heap. */
  readonly heapMb: number;
  /**
   * How far the process's resident memory may go beyond the heap cap: typed arrays live outside
   * the heap, so this is what stops a runaway Float64Array (Linux; checked every `rssPollMs`).
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

/** How often a run reads its process's resident memory. */
export const rssPollMs = 50;

/** How long after a run ends its replacement is started. */
const refillDelayMs = 50;

// The process stops itself at the deadline and reports what was printed; the tutor ends it
// this much later if it has not.
const graceMs = 250;

type Pending = {
  resolve: (reply: RealmReply & { ms: number }) => void;
  reject: (e: Error) => void;
};

/** One run: a student module loaded into a fresh sandbox process, and calls into it. */
export class Sandbox {
  /** Operations the sandbox answered in this run (the bench counts the boundary's round trips). */
  operations = 0;
  private readonly process: SandboxProcess;
  private readonly release: (done: SandboxProcess) => void;
  private readonly pending: Pending[] = [];
  private stopped: SandboxStopped | undefined;
  private disposed = false;
  private outputText = '';
  private droppedBytes = 0;
  private deadline: NodeJS.Timeout | undefined;
  private memoryWatch: NodeJS.Timeout | undefined;
  private limits: SandboxLimits = defaultLimits;
  private started = 0;
  private markStopped: () => void = () => {};
  /** Resolves when the run stops, whatever the reason. */
  private readonly whenStopped = new Promise<void>((resolve) => {
    this.markStopped = resolve;
  });

  /** A run on a process of its own, started now. A pool passes a prepared one instead. */
  constructor(
    heapMb = defaultLimits.heapMb,
    lease?: { process: SandboxProcess; release: (done: SandboxProcess) => void },
  ) {
    this.process =
      lease?.process ?? new SandboxProcess({ heapMb, outputBytes: defaultLimits.outputBytes });
    this.release = lease?.release ?? (() => {});
    this.process.listener = {
      frame: (frame) => this.receive(frame),
      unreadable: (reason) => this.unreadable(reason),
      exited: (end) => this.exited(end),
    };
    if (this.process.ended) this.exited(this.process.ended);
  }

  /**
   * Loads the bundled student module and starts the run's clock, `spentMs` of the time limit
   * already gone (on bundling).
   */
  async load(
    bundle: Pick<Bundle, 'code' | 'filename'>,
    limits: SandboxLimits,
    spentMs = 0,
  ): Promise<LoadOutcome> {
    this.limits = limits;
    this.startClock(spentMs);
    if (this.stopped) throw this.stopped;
    await Promise.race([this.process.ready, this.whenStopped]).catch(() => {});
    if (this.stopped) throw this.stopped;
    const remaining = Math.max(1, limits.timeoutMs - (performance.now() - this.started));
    const reply = await this.expect(() =>
      this.process.send(2, { code: bundle.code, filename: bundle.filename, timeoutMs: remaining }),
    );
    if (reply.kind === 'loaded') return { kind: 'loaded', exports: reply.exports };
    if (reply.kind === 'load-error') return { kind: 'load-error', error: reply.error };
    throw this.unreadable('a reply that does not answer the load');
  }

  /** Calls `exportName(...args)` in the sandbox. Rejects with SandboxStopped if the run stops. */
  async call(
    exportName: string,
    args: readonly unknown[],
    options: { keep?: boolean } = {},
  ): Promise<CallOutcome> {
    const [outcome] = await this.callMany([{ exportName, args, keep: options.keep ?? false }]);
    return outcome as CallOutcome;
  }

  /** Several calls in one round trip, run in order; their outcomes in the same order. */
  async callMany(requests: readonly CallRequest[]): Promise<CallOutcome[]> {
    const sent = performance.now();
    const ops = requests.map((request) => ({
      op: 'call',
      name: request.exportName,
      args: request.args.map(wireArgument),
      keep: request.keep ?? false,
    }));
    const replies = await Promise.all(this.expectMany(ops.length, () => this.sendOps(ops)));
    // Timed here, not in the sandbox, whose clock the student's code could patch.
    const elapsedMs = performance.now() - sent;
    return replies.map((reply, index) => {
      const request = requests[index] as CallRequest;
      return this.outcome(reply, request, elapsedMs);
    });
  }

  /** Sends `values` to the sandbox once, to be passed to later calls by Handle. */
  async keep(values: readonly unknown[]): Promise<Handle[]> {
    const op = { op: 'put', values: values.map(wireArgument) };
    const reply = await this.expect(() => this.sendOps([op]));
    if (reply.kind !== 'kept' || reply.handles.length !== values.length) {
      throw this.unreadable('a reply that does not answer the request');
    }
    return reply.handles.map((id, index) => new Handle(id, values[index]));
  }

  /**
   * Writes `values` into the vector `handle` holds, in place (same object, same length), as a
   * caller reusing one array between calls does; the Handle returned carries the new values.
   * Undefined when the student's code froze or sealed the array, so it cannot be changed.
   */
  async overwrite(handle: Handle, values: readonly number[]): Promise<Handle | undefined> {
    const op = { op: 'overwrite', handle: handle.id, values: toWire(values) };
    const reply = await this.expect(() => this.sendOps([op]));
    if (reply.kind === 'unreadable') throw this.unreadable(reply.reason);
    if (reply.kind !== 'kept' || reply.handles.length > 1) {
      throw this.unreadable('a reply that does not answer the request');
    }
    if (reply.handles[0] !== handle.id) return undefined;
    return new Handle(handle.id, [...values]);
  }

  /**
   * Makes the lab's dataset in the sandbox from its seed (realm.js runs the same arithmetic as
   * `makeData`) and regenerates it here for the references: the student's X and y are never
   * sent, and nothing done to them in the sandbox changes the tutor's copy.
   */
  async dataset(options: Required<DataOptions>): Promise<{ X: Handle; y: Handle; data: Dataset }> {
    const { n, d, separable, seed } = options;
    if (n * d > wireLimits.maxItems) throw new RangeError(`A ${n}×${d} dataset is too large`);
    const op = { op: 'dataset', n, d, separable, seed };
    const replied = this.expect(() => this.sendOps([op]));
    // The tutor's own copy is made while the sandbox makes the student's.
    const data = copyOfData(options);
    const reply = await replied;
    const [x, y] = reply.kind === 'kept' ? reply.handles : [];
    if (x === undefined || y === undefined) {
      throw this.unreadable('a reply that does not answer the request');
    }
    return { X: new Handle(x, data.X), y: new Handle(y, data.y), data };
  }

  /** Everything printed arrives with each reply: nothing is left to wait for. */
  async flush(): Promise<void> {}

  /** Stops the run from outside (a newer save, Esc). */
  cancel(): void {
    this.stop('cancelled', 'The check was cancelled.');
  }

  /** What the student's code printed so far. */
  output(): ConsoleOutput {
    return { text: this.outputText, droppedBytes: this.droppedBytes };
  }

  /** Ends the run and its process, and waits until the process is gone. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.clearTimers();
    this.stopped ??= new SandboxStopped('cancelled', 'The run is over.');
    this.rejectPending(this.stopped);
    this.process.listener = undefined;
    await this.process.close();
    this.release(this.process);
  }

  /** Ends the run with `reason`, and its process with it. */
  stop(reason: StopReason, detail: string): void {
    if (this.stopped) return;
    this.stopped = new SandboxStopped(reason, detail);
    this.markStopped();
    this.clearTimers();
    this.rejectPending(this.stopped);
    this.process.kill();
  }

  private outcome(
    reply: RealmReply & { ms: number },
    request: CallRequest,
    elapsedMs: number,
  ): CallOutcome {
    switch (reply.kind) {
      case 'value': {
        const argsAfter = request.args.map((arg) => (arg instanceof Handle ? arg.value : arg));
        reply.changed.forEach((index, at) => {
          if (index >= argsAfter.length) throw this.unreadable('a change to no argument');
          argsAfter[index] = reply.argsAfter[at];
        });
        return {
          kind: 'value',
          value: reply.value,
          argsAfter,
          functionCalls: reply.functionCalls,
          computeMs: reply.ms,
          elapsedMs,
          ...(reply.handle === undefined ? {} : { handle: new Handle(reply.handle, reply.value) }),
        };
      }
      case 'throw':
        return { kind: 'throw', error: reply.error, functionCalls: reply.functionCalls, elapsedMs };
      case 'promise':
        return { kind: 'promise', functionCalls: reply.functionCalls, elapsedMs };
      case 'missing':
        return { kind: 'missing', found: reply.found, elapsedMs };
      case 'unreadable':
        return { kind: 'unreadable', reason: reply.reason, elapsedMs };
      default:
        throw this.unreadable('a reply that does not answer the call');
    }
  }

  private sendOps(ops: readonly unknown[]): void {
    this.process.send(3, ops);
  }

  private expect(send: () => void): Promise<RealmReply & { ms: number }> {
    return this.expectMany(1, send)[0] as Promise<RealmReply & { ms: number }>;
  }

  /** Promises of the next `count` replies, in order; `send` then sends the request. */
  private expectMany(count: number, send: () => void): Promise<RealmReply & { ms: number }>[] {
    if (this.stopped) return [Promise.reject(this.stopped)];
    const promises = Array.from(
      { length: count },
      () =>
        new Promise<RealmReply & { ms: number }>((resolve, reject) => {
          this.pending.push({ resolve, reject });
        }),
    );
    send();
    return promises;
  }

  private receive(frame: Frame): void {
    if (this.stopped) return;
    try {
      if (frame.kind === frameKinds.harness) {
        const message = readHarnessMessage(frame.payload);
        if (message.type === 'timeout') {
          this.capture(message.printed, 0);
          this.timedOut();
        } else if (message.type === 'crash') {
          this.stop(
            'crash',
            'Your code broke the sandbox (a stack overflow while handling an error?).',
          );
        } else {
          throw new Unreadable('a second "ready"');
        }
        return;
      }
      if (frame.kind !== frameKinds.realm) throw new Unreadable(`a frame of kind ${frame.kind}`);
      if (!Number.isFinite(frame.ms) || frame.ms < 0) throw new Unreadable('a reply with no time');
      const reply = readRealmReply(frame.payload);
      this.capture(reply.printed, reply.dropped);
      if (reply.kind === 'exit') {
        this.stop(
          'exit',
          `Your code ended the run early (process.exit(${reply.code})). Remove the call to process.exit: a check must get a value back.`,
        );
        return;
      }
      const next = this.pending.shift();
      if (!next) throw new Unreadable('a reply nobody asked for');
      this.operations++;
      next.resolve({ ...reply, ms: frame.ms });
    } catch (error) {
      if (!(error instanceof Unreadable)) throw error;
      this.unreadable(error.message);
    }
  }

  /** Ends the run as a failed check: the reply could not be read. */
  private unreadable(reason: string): SandboxStopped {
    this.stop(
      'unreadable',
      `Your code returned something the checks cannot read (${reason}). Return plain numbers and arrays of numbers.`,
    );
    return this.stopped as SandboxStopped;
  }

  private exited(end: ProcessEnd): void {
    if (this.stopped) return;
    if (/heap out of memory|Reached heap limit|allocation failed/i.test(end.stderr)) {
      this.stop(
        'memory',
        `Your code ran out of memory (the limit is ${this.limits.heapMb} MB). Look for an array that grows without end, or large copies kept all at once (one per level of a recursion, say).`,
      );
      return;
    }
    const how = end.signal ? `signal ${end.signal}` : `exit code ${end.code}`;
    this.stop('crash', `The sandbox stopped unexpectedly (${how}).`);
  }

  private timedOut(): void {
    this.stop(
      'timeout',
      `Your code did not finish within ${formatSeconds(this.limits.timeoutMs)} (an endless loop?). Look for a loop whose condition never becomes false.`,
    );
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

  private startClock(spentMs: number): void {
    this.started = performance.now() - spentMs;
    const remaining = Math.max(0, this.limits.timeoutMs - spentMs);
    this.deadline = setTimeout(() => this.timedOut(), remaining + graceMs);
    const capMb = this.limits.heapMb + this.limits.externalMb;
    this.memoryWatch = setInterval(() => {
      const residentMb = this.process.residentMb();
      if (residentMb !== undefined && residentMb > capMb) {
        this.stop(
          'memory',
          `Your code used more than ${capMb} MB of memory. Look for an array that grows without end, or large copies kept all at once (one per level of a recursion, say).`,
        );
      }
    }, rssPollMs);
    this.memoryWatch.unref();
  }

  private rejectPending(error: Error): void {
    for (const entry of this.pending.splice(0)) entry.reject(error);
  }

  private clearTimers(): void {
    clearTimeout(this.deadline);
    clearInterval(this.memoryWatch);
  }
}

/** An argument as the sandbox reads it: by handle, as a function to build, or as data. */
function wireArgument(arg: unknown): WireArgument {
  if (arg instanceof Handle) return { handle: arg.id };
  if (arg !== null && typeof arg === 'object' && '__logregFunction' in arg) {
    return toWire((arg as FunctionArgument).__logregFunction, 'function');
  }
  if (arg instanceof Float64Array) return toWire(arg, 'f64');
  return toWire(arg);
}

/**
 * Sandbox processes for runs, started ahead of time so a run does not wait for one to boot.
 * Each serves one run. Its replacement is started when that run ends, not when it starts:
 * starting a process blocks the tutor for a moment and takes a core, which the run needs more.
 */
export class SandboxPool {
  private readonly idle: SandboxProcess[] = [];
  /** How many idle processes to keep ready: one, or as many as `prewarm` asked for. */
  private spares = 1;
  private closed = false;
  private readonly live = new Set<SandboxProcess>();
  /** How many processes this pool has started, for tests and the benchmark. */
  processesStarted = 0;

  constructor(
    private readonly heapMb = defaultLimits.heapMb,
    private readonly entry?: string,
  ) {}

  /** A run on a prepared process (or a new one when none is ready). */
  acquire(): Sandbox {
    const ready = this.idle.shift() ?? this.start();
    return new Sandbox(this.heapMb, {
      process: ready,
      release: (done) => {
        this.live.delete(done);
        // Once the verdict has been drawn: starting a process holds up the tutor for a moment.
        setTimeout(() => this.refill(), refillDelayMs).unref();
      },
    });
  }

  /** Starts `count` processes ahead of the first runs (as many as will run at once). */
  prewarm(count = 1): void {
    this.spares = Math.max(this.spares, count);
    this.refill();
  }

  /**
   * Keeps at most `count` processes ready for a while (as a batch of runs drains, fewer runs
   * are left to need one); returns a function that restores the earlier number.
   */
  limitSpares(count: number): () => void {
    const before = this.spares;
    this.spares = Math.min(this.spares, Math.max(0, count));
    return () => {
      this.spares = Math.max(this.spares, before);
      setTimeout(() => this.refill(), refillDelayMs).unref();
    };
  }

  /** The process ids of every process this pool holds now, for tests and the benchmark. */
  pids(): number[] {
    return [...this.live].flatMap((each) => (each.pid === undefined ? [] : [each.pid]));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.idle.length = 0;
    await Promise.all([...this.live].map((each) => each.close()));
  }

  private start(): SandboxProcess {
    this.processesStarted++;
    const started = new SandboxProcess({
      heapMb: this.heapMb,
      outputBytes: defaultLimits.outputBytes,
      ...(this.entry ? { entry: this.entry } : {}),
    });
    this.live.add(started);
    started.child.once('close', () => {
      this.live.delete(started);
      const index = this.idle.indexOf(started);
      if (index >= 0) {
        this.idle.splice(index, 1);
        this.refill();
      }
    });
    return started;
  }

  private refill(): void {
    if (this.closed) return;
    while (this.idle.length < this.spares) this.idle.push(this.start());
  }
}
