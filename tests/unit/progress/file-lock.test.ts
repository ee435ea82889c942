// The lock beside the progress file: held while a save reads, changes and writes the file.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFileLock } from '../../../src/progress/file-lock.js';
import { tempDir } from '../../helpers/workspace.js';

/** The pid of a process that has ended. */
function endedPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('the progress file lock', () => {
  it('is held while the body runs, and gone after it', () => {
    const file = path.join(tempDir(), 'progress.json');
    const holder = withFileLock(file, () => readFileSync(`${file}.lock`, 'utf8'));
    expect(holder).toBe(String(process.pid));
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('is gone after a body that throws', () => {
    const file = path.join(tempDir(), 'progress.json');
    expect(() =>
      withFileLock(file, () => {
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('left by a tutor that died holding it is taken over at once', () => {
    const file = path.join(tempDir(), 'progress.json');
    writeFileSync(`${file}.lock`, String(endedPid()));
    const holder = withFileLock(file, () => readFileSync(`${file}.lock`, 'utf8'));
    expect(holder).toBe(String(process.pid));
  });

  it('held by a running tutor is waited for, and never taken from it while young', () => {
    const file = path.join(tempDir(), 'progress.json');
    // The parent of this test runs for as long as the test does.
    writeFileSync(`${file}.lock`, String(process.ppid));
    const holder = withFileLock(file, () => readFileSync(`${file}.lock`, 'utf8'));
    // After waiting its limit the save goes on without the lock, leaving the holder's in place.
    expect(holder).toBe(String(process.ppid));
  });
});
