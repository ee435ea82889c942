// A lock file beside the progress file, held for the few milliseconds of a read-change-write, so
// that two tutors saving at the same moment do not each write over what the other just recorded.
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';

/** A lock older than this was left by a tutor that hung or died holding it (on another machine, say). */
const staleMs = 2000;
/** How long to wait for the lock before saving without it (better than hanging the tutor). */
const waitMs = 1000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Runs `body` holding `${file}.lock`; without the lock if it cannot be had in time or made at all. */
export function withFileLock<T>(file: string, body: () => T): T {
  const lock = `${file}.lock`;
  const held = acquire(lock);
  try {
    return body();
  } finally {
    if (held) rmSync(lock, { force: true });
  }
}

function acquire(lock: string): boolean {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      try {
        writeSync(fd, String(process.pid));
      } finally {
        closeSync(fd);
      }
      return true;
    } catch (error) {
      // A folder we cannot write to (read-only, full): the save that follows will fail and say so.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
    }
    if (isStale(lock)) {
      rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline) return false;
    // Synchronous, like the rest of the store: the holder needs only a few ms.
    Atomics.wait(sleeper, 0, 0, 2);
  }
}

/** Left by a tutor that is gone: its process no longer runs, or it has held the lock too long. */
function isStale(lock: string): boolean {
  try {
    if (Date.now() - statSync(lock).mtimeMs > staleMs) return true;
    // Empty for the moment between the holder making the file and writing its pid.
    const holder = Number(readFileSync(lock, 'utf8'));
    return Number.isInteger(holder) && holder > 0 && !isRunning(holder);
  } catch {
    return false;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
