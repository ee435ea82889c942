// The progress store under faults: a damaged or unreadable file, a folder that cannot be written,
// and two tutors saving into one store at once. Nothing a student recorded is lost.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { TaskResult } from '../../../src/engine/types.js';
import { mergeTasks, mergeWorkspaces } from '../../../src/progress/merge.js';
import { openProgressStore } from '../../../src/progress/store.js';
import {
  noOrdinaryUser,
  openToOrdinaryUser,
  requireOrdinaryUser,
} from '../../helpers/ordinary-user.js';
import { startTime } from '../../helpers/process.js';
import { storeScript } from '../../helpers/store-script.js';
import { tempDir } from '../../helpers/workspace.js';

const workspace = '/home/student/lab';

function result(taskId: string, status: TaskResult['status']): TaskResult {
  return {
    taskId,
    file: `${taskId}.ts`,
    status,
    checks: [{ name: 'a', passed: status === 'pass', message: '' }],
    diagnostics: [],
    output: { text: '', droppedBytes: 0 },
    durationMs: 1,
    notImplemented: false,
  };
}

function asideFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => /^progress\.damaged-.*\.json$/.test(name));
}

describe('a damaged progress file', () => {
  it('that is not JSON is moved aside with the time in its name, and the store starts afresh', () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'progress.json'), '{ "workspaces": { not json');
    const store = openProgressStore({ cwd });
    const [aside] = asideFiles(cwd);
    expect(aside).toMatch(/^progress\.damaged-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.json$/);
    // Kept byte for byte: it may be repaired by hand.
    expect(readFileSync(path.join(cwd, aside as string), 'utf8')).toBe(
      '{ "workspaces": { not json',
    );
    const notices = store.takeNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(aside);
    expect(notices[0]).not.toContain('\n');
    // Each notice is handed out once.
    expect(store.takeNotices()).toEqual([]);
    store.recordResult(workspace, result('sigmoid', 'pass'));
    expect(openProgressStore({ cwd }).workspace(workspace).tasks.sigmoid?.attempts).toBe(1);
  });

  it('with a bad field is moved aside too, naming the field', () => {
    const cwd = tempDir();
    writeFileSync(
      path.join(cwd, 'progress.json'),
      JSON.stringify({
        workspaces: { [workspace]: { tasks: { sigmoid: { attempts: 'many', hintsShown: 0 } } } },
      }),
    );
    const store = openProgressStore({ cwd });
    expect(store.workspace(workspace)).toEqual({ tasks: {} });
    expect(asideFiles(cwd)).toHaveLength(1);
    expect(store.takeNotices()[0]).toMatch(/tasks → sigmoid → attempts/);
  });

  it('that is damaged while the tutor runs is moved aside, and what the tutor knew is saved again', () => {
    const cwd = tempDir();
    const store = openProgressStore({ cwd });
    store.recordResult(workspace, result('sigmoid', 'pass'));
    writeFileSync(store.path, '\u0000\u0000 half-written garbage');
    store.recordHint(workspace, 'sigmoid');
    expect(asideFiles(cwd)).toHaveLength(1);
    expect(store.takeNotices()).toHaveLength(1);
    const reopened = openProgressStore({ cwd }).workspace(workspace).tasks.sigmoid;
    expect(reopened).toMatchObject({ attempts: 1, hintsShown: 1, lastStatus: 'pass' });
  });

  it('that is found damaged by a read while the tutor runs is moved aside and written anew', async () => {
    const cwd = tempDir();
    const store = openProgressStore({ cwd });
    store.recordResult(workspace, result('sigmoid', 'pass'));
    writeFileSync(store.path, '{ "workspaces": { half-written');
    // Only a read (the summary printed at quit): no change of its own would write the file.
    expect(store.workspace(workspace).tasks.sigmoid?.lastStatus).toBe('pass');
    expect(asideFiles(cwd)).toHaveLength(1);
    const notices = store.takeNotices();
    expect(notices).toEqual([expect.stringContaining('a new one is written')]);
    expect(notices[0]).not.toContain('starts afresh');
    await vi.waitFor(() =>
      expect(openProgressStore({ cwd }).workspace(workspace).tasks.sigmoid).toMatchObject({
        attempts: 1,
        lastStatus: 'pass',
      }),
    );
    expect(asideFiles(cwd)).toHaveLength(1);
  });

  it('that is a folder (unreadable) is moved aside', () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'progress.json'));
    const store = openProgressStore({ cwd });
    expect(asideFiles(cwd)).toHaveLength(1);
    expect(store.takeNotices()).toHaveLength(1);
    store.setLastWorkspace(workspace);
    expect(openProgressStore({ cwd }).lastWorkspace()).toBe(workspace);
  });
});

describe('a store that cannot be written', () => {
  it('in a folder that cannot be made warns once and keeps the progress in memory', () => {
    const parent = tempDir();
    writeFileSync(path.join(parent, 'a-file'), '');
    // Under a file, no folder can be made, whoever runs the test (root ignores permissions).
    const store = openProgressStore({ cwd: path.join(parent, 'a-file', 'config') });
    const notices = store.takeNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/cannot be saved.*goes on/);
    store.recordResult(workspace, result('sigmoid', 'pass'));
    store.recordHint(workspace, 'sigmoid');
    expect(store.workspace(workspace).tasks.sigmoid).toMatchObject({
      attempts: 1,
      hintsShown: 1,
      lastStatus: 'pass',
    });
    expect(store.takeNotices()).toEqual([]);
  });

  it('that fails while the tutor runs warns once, keeps going, and catches up when it can', () => {
    const cwd = tempDir();
    const store = openProgressStore({ cwd });
    store.recordResult(workspace, result('sigmoid', 'fail'));
    // The folder goes away and a file takes its place: every read and write now fails.
    const moved = `${cwd}-away`;
    renameSync(cwd, moved);
    writeFileSync(cwd, '');
    store.recordResult(workspace, result('sigmoid', 'pass'));
    store.recordHint(workspace, 'sigmoid');
    expect(store.takeNotices()).toHaveLength(1);
    expect(store.workspace(workspace).tasks.sigmoid).toMatchObject({
      attempts: 2,
      hintsShown: 1,
      lastStatus: 'pass',
    });
    // The folder is back: the next change saves everything kept in memory.
    rmSync(cwd);
    renameSync(moved, cwd);
    store.recordHint(workspace, 'sigmoid');
    expect(store.takeNotices()).toEqual([]);
    expect(openProgressStore({ cwd }).workspace(workspace).tasks.sigmoid).toMatchObject({
      attempts: 2,
      hintsShown: 2,
      lastStatus: 'pass',
    });
  });

  // Needs a user other than root: root writes into read-only folders.
  it.skipIf(noOrdinaryUser())('in a read-only folder warns and keeps working', async () => {
    const script = await storeScript(`const store = openProgressStore({ cwd: process.argv[2] });
const notices = store.takeNotices();
store.recordHint('${workspace}', 'sigmoid');
const hints = store.workspace('${workspace}').tasks.sigmoid?.hintsShown;
process.stdout.write(JSON.stringify({ notices, hints, left: store.takeNotices() }));`);
    const cwd = path.join(openToOrdinaryUser(tempDir()), 'config');
    mkdirSync(cwd, { mode: 0o555 });
    const run = spawnSync(process.execPath, [script, cwd], {
      encoding: 'utf8',
      ...requireOrdinaryUser(),
    });
    expect(run.stderr).toBe('');
    const seen = JSON.parse(run.stdout);
    expect(seen.notices).toEqual([
      expect.stringMatching(/^Progress cannot be saved to `.*config.progress\.json`/),
    ]);
    expect(seen.hints).toBe(1);
    expect(seen.left).toEqual([]);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('two tutors on one store', () => {
  it('lose nothing: each saves on top of what the other recorded', () => {
    const cwd = tempDir();
    const first = openProgressStore({ cwd });
    const second = openProgressStore({ cwd });
    first.recordResult(workspace, result('sigmoid', 'fail'));
    second.recordResult(workspace, result('sigmoid', 'pass'));
    second.recordHint(workspace, 'bce-loss');
    first.recordResult(workspace, result('bce-loss', 'fail'));
    first.setLastLesson(workspace, 'bce-loss');
    second.recordHint(workspace, 'sigmoid');
    const saved = openProgressStore({ cwd }).workspace(workspace);
    expect(saved.lastLesson).toBe('bce-loss');
    expect(saved.tasks.sigmoid).toMatchObject({ attempts: 2, hintsShown: 1, lastStatus: 'pass' });
    expect(saved.tasks.sigmoid?.firstPassedAt).toBeDefined();
    expect(saved.tasks['bce-loss']).toMatchObject({
      attempts: 1,
      hintsShown: 1,
      lastStatus: 'fail',
    });
  });
});

describe('a save while another tutor holds the lock', () => {
  const onLinux = process.platform === 'linux';
  /** Makes the lock held by a live process (this test's parent) that does not let go. */
  function holdLock(file: string): void {
    const pid = process.ppid;
    const start = onLinux ? { start: startTime(pid) } : {};
    writeFileSync(`${file}.lock`, JSON.stringify({ host: hostname(), pid, ...start, token: 'x' }));
  }

  it('keeps the change in memory, never writes without the lock, and saves it once it is free', async () => {
    const cwd = tempDir();
    const file = path.join(cwd, 'progress.json');
    const store = openProgressStore({ cwd });
    store.recordHint(workspace, 'sigmoid');
    holdLock(file);
    expect(store.recordHint(workspace, 'sigmoid').tasks.sigmoid?.hintsShown).toBe(2);
    expect(store.workspace(workspace).tasks.sigmoid?.hintsShown).toBe(2);
    expect(store.takeNotices()).toEqual([
      expect.stringMatching(
        /is locked by process \d+: your progress is kept in memory and saved as soon as it lets go\.$/,
      ),
    ]);
    // The holder records three more hints meanwhile; the waiting one is made on top of them.
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.workspaces[workspace].tasks.sigmoid.hintsShown).toBe(1);
    saved.workspaces[workspace].tasks.sigmoid.hintsShown = 4;
    writeFileSync(file, JSON.stringify(saved));
    rmSync(`${file}.lock`);
    await vi.waitFor(
      () => {
        const now = JSON.parse(readFileSync(file, 'utf8'));
        expect(now.workspaces[workspace].tasks.sigmoid.hintsShown).toBe(5);
      },
      { timeout: 5000, interval: 20 },
    );
    expect(store.flush(0)).toBe(true);
  });

  it('opened while the lock is held, saves what it kept in memory when it quits and the lock is free', async () => {
    const script = await storeScript(`const store = openProgressStore({ cwd: process.argv[2] });
store.recordHint('${workspace}', 'sigmoid');
process.stdout.write('kept');`);
    const cwd = tempDir();
    const file = path.join(cwd, 'progress.json');
    openProgressStore({ cwd }).setLastLesson(workspace, 'sigmoid');
    holdLock(file);
    const child = spawn(process.execPath, [script, cwd], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    // It has kept the hint in memory and is quitting: let go of the lock.
    await new Promise((resolve) => child.stdout.once('data', resolve));
    rmSync(`${file}.lock`);
    const code = await new Promise((resolve) => child.once('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(openProgressStore({ cwd }).workspace(workspace).tasks.sigmoid?.hintsShown).toBe(1);
  });
});

describe('merging two versions of a record', () => {
  it('keeps the larger counts, the first pass, and the status of the last check', () => {
    expect(
      mergeTasks(
        {
          attempts: 3,
          hintsShown: 1,
          lastStatus: 'fail',
          lastCheckedAt: '2026-11-28T10:00:00.000Z',
          firstPassedAt: '2026-11-28T09:00:00.000Z',
        },
        {
          attempts: 2,
          hintsShown: 2,
          lastStatus: 'pass',
          lastCheckedAt: '2026-11-28T11:00:00.000Z',
          firstPassedAt: '2026-11-28T09:30:00.000Z',
        },
      ),
    ).toEqual({
      attempts: 3,
      hintsShown: 2,
      lastStatus: 'pass',
      lastCheckedAt: '2026-11-28T11:00:00.000Z',
      firstPassedAt: '2026-11-28T09:00:00.000Z',
    });
  });

  it('takes ours for two checks in the same millisecond: the file may hold our older one', () => {
    const at = '2026-11-28T10:00:00.000Z';
    const onFile = { attempts: 1, hintsShown: 0, lastStatus: 'fail' as const, lastCheckedAt: at };
    const inMemory = { attempts: 2, hintsShown: 0, lastStatus: 'pass' as const, lastCheckedAt: at };
    expect(mergeTasks(onFile, inMemory)).toMatchObject({ attempts: 2, lastStatus: 'pass' });
  });

  it('keeps the file hashes of the last check whole, never a mix of two checks', () => {
    const older = {
      attempts: 1,
      hintsShown: 0,
      lastStatus: 'fail' as const,
      lastCheckedAt: '2026-11-28T10:00:00.000Z',
      sources: { 'a.ts': 'old', 'lab.ts': 'old' },
    };
    const newer = {
      attempts: 2,
      hintsShown: 0,
      lastStatus: 'pass' as const,
      lastCheckedAt: '2026-11-28T11:00:00.000Z',
      sources: { 'a.ts': 'new' },
    };
    expect(mergeTasks(older, newer).sources).toEqual({ 'a.ts': 'new' });
    expect(mergeTasks(newer, older).sources).toEqual({ 'a.ts': 'new' });
    const { sources: _none, ...newerWithout } = newer;
    expect(mergeTasks(older, newerWithout).sources).toBeUndefined();
  });

  it('unites answer versions by time, and keeps tasks only one side has', () => {
    const merged = mergeWorkspaces(
      {
        tasks: { sigmoid: { attempts: 1, hintsShown: 0 } },
        answers: { why: [{ text: 'one', at: '2026-11-28T10:00:00.000Z' }] },
      },
      {
        tasks: { psd: { attempts: 1, hintsShown: 0 } },
        answers: {
          why: [
            { text: 'one', at: '2026-11-28T10:00:00.000Z' },
            { text: 'zero', at: '2026-11-28T09:00:00.000Z' },
          ],
        },
      },
    );
    expect(Object.keys(merged.tasks).sort()).toEqual(['psd', 'sigmoid']);
    expect(merged.answers?.why?.map((version) => version.text)).toEqual(['zero', 'one']);
  });
});
