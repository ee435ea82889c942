// The lock beside the progress file: held while a save reads, changes and writes the file, and
// taken from its holder only when the holder is gone (ended, a zombie, or its pid reused).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tryWithFileLock } from '../../../src/progress/file-lock.js';
import { startTime } from '../../helpers/process.js';
import { tempDir } from '../../helpers/workspace.js';

const onLinux = process.platform === 'linux';

/** The pid of a process that has ended. */
function endedPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

/** A lock file naming `holder`, last touched an hour ago: only its holder can keep it. */
function plantLock(file: string, holder: unknown): string {
  const text = JSON.stringify(holder);
  writeFileSync(`${file}.lock`, text);
  const hourAgo = new Date(Date.now() - 3_600_000);
  utimesSync(`${file}.lock`, hourAgo, hourAgo);
  return text;
}

function holderOf(file: string): { pid: number } {
  return JSON.parse(readFileSync(`${file}.lock`, 'utf8')) as { pid: number };
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** A node process that only waits, until killed. */
async function idleProcess(): Promise<ChildProcess & { pid: number }> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  await new Promise((resolve) => child.once('spawn', resolve));
  return child as ChildProcess & { pid: number };
}

describe('the progress file lock', () => {
  it('is held while the body runs, naming this process, and gone after it', () => {
    const file = path.join(tempDir(), 'progress.json');
    const outcome = tryWithFileLock(file, 0, () => holderOf(file));
    expect(outcome).toMatchObject({ kind: 'held', value: { pid: process.pid } });
    expect(existsSync(`${file}.lock`)).toBe(false);
    // Nothing else is left beside it.
    expect(readdirSync(path.dirname(file))).toEqual([]);
  });

  it('is gone after a body that throws', () => {
    const file = path.join(tempDir(), 'progress.json');
    expect(() =>
      tryWithFileLock(file, 0, () => {
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('left by a tutor that died holding it is taken over at once, in either format', () => {
    const file = path.join(tempDir(), 'progress.json');
    for (const holder of [{ host: hostname(), pid: endedPid(), token: 'x' }, endedPid()]) {
      plantLock(file, holder);
      const outcome = tryWithFileLock(file, 0, () => holderOf(file).pid);
      expect(outcome).toEqual({ kind: 'held', value: process.pid });
    }
  });

  it('held by a running tutor is never taken from it, however old, and the body does not run', () => {
    const file = path.join(tempDir(), 'progress.json');
    // The parent of this test runs for as long as the test does.
    const pid = process.ppid;
    const planted = plantLock(file, {
      host: hostname(),
      pid,
      ...(onLinux ? { start: startTime(pid) } : {}),
      token: 'parent',
    });
    let ran = false;
    const outcome = tryWithFileLock(file, 20, () => {
      ran = true;
    });
    expect(outcome).toEqual({ kind: 'busy', holder: `process ${pid}` });
    expect(ran).toBe(false);
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(planted);
  });

  it.runIf(onLinux)('naming a pid now used by another process (reused) is taken over', () => {
    const file = path.join(tempDir(), 'progress.json');
    const pid = process.ppid;
    plantLock(file, { host: hostname(), pid, start: `${startTime(pid)}1`, token: 'gone' });
    expect(tryWithFileLock(file, 0, () => holderOf(file).pid)).toEqual({
      kind: 'held',
      value: process.pid,
    });
  });

  it.runIf(onLinux)('held by a stopped tutor is kept until the tutor ends', async () => {
    const file = path.join(tempDir(), 'progress.json');
    const holder = await idleProcess();
    plantLock(file, {
      host: hostname(),
      pid: holder.pid,
      start: startTime(holder.pid),
      token: 't',
    });
    holder.kill('SIGSTOP');
    // Stopped: its state in /proc is T once the signal is delivered.
    while (!/^T/.test(readFileSync(`/proc/${holder.pid}/stat`, 'utf8').split(') ')[1] ?? '')) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(tryWithFileLock(file, 20, () => 'ran')).toEqual({
      kind: 'busy',
      holder: `process ${holder.pid}, stopped`,
    });
    const ended = new Promise((resolve) => holder.once('exit', resolve));
    holder.kill('SIGKILL');
    await ended;
    expect(tryWithFileLock(file, 0, () => 'ran')).toEqual({ kind: 'held', value: 'ran' });
  });

  it('that names no holder is taken over only once it is old', () => {
    const file = path.join(tempDir(), 'progress.json');
    writeFileSync(`${file}.lock`, '');
    expect(tryWithFileLock(file, 0, () => 'ran')).toMatchObject({ kind: 'busy' });
    plantLock(file, 'not a holder');
    expect(tryWithFileLock(file, 0, () => 'ran')).toEqual({ kind: 'held', value: 'ran' });
  });
});
