// Starts and ends the operating-system processes student code runs in: Node with its permission
// model, no environment, pipes the tutor owns for every descriptor, a process group of its own
// (so it is ended with everything it started), started ahead of time and used for one run.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { studentRealm } from './realm.js';
import { type Frame, FrameReader, frameKinds, readHarnessMessage, wireLimits } from './wire.js';

/** The sandbox host's entry file: the one file the process may read. */
export const childEntry = fileURLToPath(new URL('./sandbox-child.cjs', import.meta.url));

/** How a sandbox process ended, as the tutor saw it. */
export interface ProcessEnd {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The start of what the process wrote on stderr (Node's own messages, e.g. out of memory). */
  readonly stderr: string;
}

/** What a run listens to while it holds a process. */
export interface ProcessListener {
  frame(frame: Frame): void;
  /** The frames broke the format or their size limit: the process is being ended. */
  unreadable(reason: string): void;
  exited(end: ProcessEnd): void;
}

/** Options of a sandbox process. */
export interface ProcessOptions {
  /** Cap on the process's JavaScript heap (V8's old space), in MB. */
  readonly heapMb: number;
  /** Cap on what the student's code may print in one run. */
  readonly outputBytes: number;
  /** Another entry file, for tests that stand in for a misbehaving sandbox. */
  readonly entry?: string;
}

const stderrCap = 8 * 1024;

/** One sandbox process: spawned at once, prepared (a fresh context) before any run asks. */
export class SandboxProcess {
  readonly child: ChildProcess;
  readonly pid: number | undefined;
  /** Resolves once the context is made; rejects if the process ends first. */
  readonly ready: Promise<void>;
  listener: ProcessListener | undefined;
  ended: ProcessEnd | undefined;
  private stderr = '';
  private killed = false;
  private isReady = false;
  private markReady: () => void = () => {};
  private markEnded: (end: ProcessEnd) => void = () => {};

  constructor(options: ProcessOptions) {
    const entry = options.entry ?? childEntry;
    this.child = spawn(
      process.execPath,
      [
        // Node's permission model: no file but the entry, no child process, worker, addon,
        // inspector or WASI.
        '--permission',
        `--allow-fs-read=${entry}`,
        // Only so that Node calls the child's import() callback, which refuses from inside the
        // student's context (sandbox-child.cjs); the process loads no module of its own.
        '--experimental-vm-modules',
        // The vm context is not a boundary: student code can still be handed an object of this
        // process's own realm (an error V8 makes while Node's stack formatter or import hook runs
        // on a nearly full stack, or the import promise on Node 22). Its constructor chain ends at
        // this realm's Function, which then compiles nothing: no `return process`. The student's
        // context keeps eval, by its own codeGeneration setting.
        '--disallow-code-generation-from-strings',
        // …and the same objects must not let it change how this realm's own code runs: a setter
        // on Object.prototype or a new Function.prototype.apply once handed Node's internals the
        // student's functions, and Node then called them with `process`. The student's context
        // has intrinsics of its own, not frozen.
        '--frozen-intrinsics',
        '--no-warnings',
        `--max-old-space-size=${options.heapMb}`,
        '--max-semi-space-size=4',
        entry,
      ],
      {
        stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
        env: {},
        detached: true,
        windowsHide: true,
      },
    );
    this.pid = this.child.pid;
    const [stdin, stdout, stderr, replies] = this.child.stdio as unknown as [
      Writable,
      Readable,
      Readable,
      Readable,
    ];
    for (const stream of [stdin, stdout, stderr, replies]) stream.on('error', () => {});
    const reader = new FrameReader(
      wireLimits.maxBytes,
      (frame) => {
        if (this.isReady) {
          this.listener?.frame(frame);
          return;
        }
        // The first message is that the context is made; anything else ends the process.
        try {
          const first = frame.kind === frameKinds.harness && readHarnessMessage(frame.payload);
          if (first && first.type === 'ready') {
            this.isReady = true;
            this.markReady();
            return;
          }
        } catch {}
        this.listener?.unreadable('a first message that is not "ready"');
        this.kill();
      },
      (reason) => {
        this.listener?.unreadable(reason);
        this.kill();
      },
    );
    replies.on('data', (chunk: Buffer) => reader.push(chunk));
    stdout.resume();
    stderr.on('data', (chunk: Buffer) => {
      if (this.stderr.length < stderrCap) this.stderr += chunk.toString('utf8').slice(0, stderrCap);
    });
    this.ready = Promise.race([
      new Promise<void>((resolve) => {
        this.markReady = resolve;
      }),
      new Promise<never>((_, reject) => {
        this.markEnded = (end) =>
          reject(new Error(`The sandbox ended before it was ready (${describe(end)})`));
      }),
    ]);
    this.ready.catch(() => {});
    this.child.on('error', () => this.finish(null, null));
    this.child.on('close', (code, signal) => this.finish(code, signal));
    // A warm process must not keep the tutor alive on its own; a run's timer does that.
    this.child.unref();
    for (const stream of [stdin, stdout, stderr, replies]) {
      (stream as unknown as { unref?: () => void }).unref?.();
    }
    this.send(1, { source: studentRealm.toString(), limits: realmLimits(options.outputBytes) });
  }

  /** Sends a request: a length, a kind, padding, then JSON text. */
  send(kind: number, message: unknown): void {
    this.sendText(kind, typeof message === 'string' ? message : JSON.stringify(message));
  }

  sendText(kind: number, text: string): void {
    if (this.ended || this.killed) return;
    const payload = Buffer.from(text, 'utf8');
    const header = Buffer.alloc(8);
    header.writeUInt32LE(payload.length, 0);
    header.writeUInt8(kind, 4);
    const stdin = this.child.stdin;
    stdin?.write(header);
    stdin?.write(payload);
  }

  /** Resident memory in MB (Linux: /proc; elsewhere undefined, and only the heap cap holds). */
  residentMb(): number | undefined {
    if (this.pid === undefined || process.platform !== 'linux') return undefined;
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
      return kb === undefined ? undefined : Number(kb) / 1024;
    } catch {
      return undefined;
    }
  }

  /** Ends the process and everything in its group, at once. */
  kill(): void {
    if (this.killed) return;
    this.killed = true;
    if (this.pid !== undefined && !this.ended) {
      try {
        process.kill(-this.pid, 'SIGKILL');
      } catch {
        this.child.kill('SIGKILL');
      }
    }
    this.child.stdin?.destroy();
  }

  /** Ends the process and waits until it is gone. */
  async close(): Promise<void> {
    if (this.ended) return;
    const gone = new Promise<void>((resolve) => this.child.once('close', () => resolve()));
    // Waiting for it keeps the tutor alive (a warm process alone does not).
    this.child.ref();
    for (const stream of this.child.stdio) (stream as { ref?: () => void } | null)?.ref?.();
    this.kill();
    await gone;
  }

  private finish(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.ended) return;
    const end = { code, signal, stderr: this.stderr };
    this.ended = end;
    this.markEnded(end);
    this.listener?.exited(end);
  }
}

/** The limits realm.js writes values under, and the output cap. */
function realmLimits(outputBytes: number) {
  return {
    outputBytes,
    maxBytes: wireLimits.maxBytes,
    maxItems: wireLimits.maxItems,
    maxDepth: wireLimits.maxDepth,
    maxString: wireLimits.maxString,
  };
}

function describe(end: ProcessEnd): string {
  return end.signal ? `signal ${end.signal}` : `exit code ${end.code}`;
}
