// A lock file beside the progress file, held for the few milliseconds of a read-change-write, so
// that two tutors saving at the same moment do not each write over what the other just recorded.
//
// The lock file names its holder: host, pid, and on Linux the process's start time. A lock is
// taken from its holder only when the holder is known to be gone, never for being old:
//   - the pid no longer runs (or is a zombie), or runs but started at another time than the
//     holder did (the pid was reused: the start time comes from /proc/PID/stat);
//   - where the start time cannot be read (no /proc, or the holder is on another machine of a
//     shared home folder), the lock is also taken once it is older than `unprovableMs`;
//   - a lock file that names no holder (written by something else) once it is older than
//     `namelessMs`.
// A holder that is alive but stopped (Ctrl+Z, SIGSTOP) or stuck in a slow disk write keeps its
// lock: taking it would let two tutors write at once, and the stopped one, resumed, would write
// over the other's save. Savers wait a bounded time and keep their change in memory instead
// (see store.ts), so a stopped holder delays saves but loses nothing.
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

/** Where the holder's start time cannot be read, a lock this old is taken over. */
const unprovableMs = 30_000;
/** A lock file that names no holder is taken over when this old. */
const namelessMs = 2000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Who holds a lock, as written in the lock file. */
interface Holder {
  readonly host: string;
  readonly pid: number;
  /** The process's start time in clock ticks since boot (Linux), to tell a reused pid apart. */
  readonly start?: string;
  /** Unique to one holding, so that a holder removes only its own lock. */
  readonly token: string;
}

/** How a lock attempt ended. */
export type LockOutcome<T> =
  | { readonly kind: 'held'; readonly value: T }
  /** The lock file cannot be made (a read-only folder, a full disk): the body ran without it. */
  | { readonly kind: 'unlockable'; readonly value: T }
  /** Another tutor held the lock for all of `waitMs`: the body did not run. */
  | { readonly kind: 'busy'; readonly holder: string };

/**
 * Runs `body` holding `${file}.lock`, waiting up to `waitMs` for another holder to let go. When
 * the lock file cannot be made at all, `body` runs without it (its own write fails the same way).
 */
export function tryWithFileLock<T>(file: string, waitMs: number, body: () => T): LockOutcome<T> {
  const lock = `${file}.lock`;
  const me = ownHolder();
  const deadline = Date.now() + waitMs;
  for (;;) {
    const made = create(lock, me);
    if (made === 'made') break;
    if (made === 'unmakeable') return { kind: 'unlockable', value: body() };
    if (breakIfAbandoned(lock)) continue;
    if (Date.now() >= deadline) return { kind: 'busy', holder: describeHolder(lock) };
    // Synchronous, like the rest of the store: a holder needs only a few ms.
    Atomics.wait(sleeper, 0, 0, 2);
  }
  try {
    return { kind: 'held', value: body() };
  } finally {
    releaseOwn(lock, me);
  }
}

/**
 * Makes `lock` naming `holder`. The file is empty for the moment between its making and the
 * write: a lock naming no holder is taken over only when old (`namelessMs`), so that is safe.
 */
function create(lock: string, holder: Holder): 'made' | 'taken' | 'unmakeable' {
  let fd: number;
  try {
    fd = openSync(lock, 'wx');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'taken' : 'unmakeable';
  }
  try {
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  return 'made';
}

/** Removes the lock if it is still this holding's (a lock taken over is someone else's now). */
function releaseOwn(lock: string, me: Holder): void {
  if (readHolder(lock)?.token === me.token) rmSync(lock, { force: true });
}

/**
 * Removes `lock` if its holder is gone. Breakers take turns through a second lock, and each
 * judges the lock again once it has its turn, so that a lock just made by another waiter is
 * never removed as the dead one it replaced. True when the lock was removed.
 */
function breakIfAbandoned(lock: string): boolean {
  const seen = readLock(lock);
  if (seen === undefined || !isAbandoned(lock, seen)) return false;
  const breaker = `${lock}.break`;
  const me = ownHolder();
  if (create(breaker, me) !== 'made') {
    // A breaker that died in its turn (it lasts microseconds) is gone for good: clear the way.
    const other = readLock(breaker);
    if (other !== undefined && isAbandoned(breaker, other)) rmSync(breaker, { force: true });
    return false;
  }
  try {
    if (readLock(lock) !== seen) return false;
    rmSync(lock, { force: true });
    return true;
  } finally {
    releaseOwn(breaker, me);
  }
}

/** Whether the holder named by `text` (the content of `lock`) is gone, by the rules above. */
function isAbandoned(lock: string, text: string): boolean {
  const holder = parseHolder(text);
  const age = ageMs(lock);
  if (age === undefined) return false;
  if (!holder) return age > namelessMs;
  if (holder.host !== hostname()) return age > unprovableMs;
  if (!isRunning(holder.pid)) return true;
  const process = processStat(holder.pid);
  if (process === undefined || holder.start === undefined) return age > unprovableMs;
  return process.start !== holder.start || process.state === 'Z' || process.state === 'X';
}

/** A pid exists: it runs (EPERM: as another user), is stopped, or is a zombie. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** State and start time of a process, from /proc/PID/stat; undefined where there is no /proc. */
function processStat(pid: number | 'self'): { state: string; start: string } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces: count from after it.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const [state, start] = [fields[0], fields[19]];
  return state && start ? { state, start } : undefined;
}

let ownStart: string | undefined | null = null;

function ownHolder(): Holder {
  if (ownStart === null) ownStart = processStat('self')?.start;
  return {
    host: hostname(),
    pid: process.pid,
    ...(ownStart ? { start: ownStart } : {}),
    token: randomBytes(8).toString('hex'),
  };
}

function readLock(lock: string): string | undefined {
  try {
    return readFileSync(lock, 'utf8');
  } catch {
    return undefined;
  }
}

function readHolder(lock: string): Holder | undefined {
  const text = readLock(lock);
  return text === undefined ? undefined : parseHolder(text);
}

function parseHolder(text: string): Holder | undefined {
  try {
    const value = JSON.parse(text) as Partial<Holder> | number;
    // An older tutor wrote its pid alone.
    if (typeof value === 'number')
      return Number.isInteger(value) && value > 0
        ? { host: hostname(), pid: value, token: '' }
        : undefined;
    if (typeof value.host !== 'string' || !Number.isInteger(value.pid) || (value.pid ?? 0) <= 0)
      return undefined;
    if (typeof value.token !== 'string') return undefined;
    return {
      host: value.host,
      pid: value.pid as number,
      token: value.token,
      ...(typeof value.start === 'string' ? { start: value.start } : {}),
    };
  } catch {
    return undefined;
  }
}

function ageMs(lock: string): number | undefined {
  try {
    return Date.now() - statSync(lock).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The holder for a message: `process 4242`, `process 4242 on other-host`. */
function describeHolder(lock: string): string {
  const holder = readHolder(lock);
  if (!holder) return 'another program';
  const state = processStat(holder.pid)?.state;
  const stopped = state === 'T' || state === 't' ? ', stopped' : '';
  return holder.host === hostname()
    ? `process ${holder.pid}${stopped}`
    : `process ${holder.pid} on ${holder.host}`;
}
