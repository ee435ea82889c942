// The interactive tutor's progress store, opened in the background: it answers from what the file
// held until conf has loaded and opened it, then behaves as a store opened at once. Nothing
// recorded in between is lost, and whatever is wrong with the file is said once it is open.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openProgressStoreInBackground } from '../../../src/progress/conf-store.js';
import { openProgressStore } from '../../../src/progress/store.js';
import { startTime } from '../../helpers/process.js';
import { tempDir } from '../../helpers/workspace.js';

const workspace = '/home/student/lab';

function savedFile(cwd: string): string {
  return readFileSync(path.join(cwd, 'progress.json'), 'utf8');
}

describe('a progress store opened in the background', () => {
  it('answers from the file at once, keeps changes in memory until it is open, then saves them', async () => {
    const cwd = tempDir();
    const earlier = openProgressStore({ cwd });
    earlier.setLastWorkspace(workspace);
    earlier.recordHint(workspace, 'sigmoid');
    const before = savedFile(cwd);

    const store = openProgressStoreInBackground({ cwd });
    expect(store.lastWorkspace()).toBe(workspace);
    expect(store.workspace(workspace).tasks.sigmoid?.hintsShown).toBe(1);
    expect(store.recordHint(workspace, 'sigmoid').tasks.sigmoid?.hintsShown).toBe(2);
    expect(store.recordTuiStart(workspace)).toBe(true);
    // Conf is still loading: nothing is written, nothing is said, and the change waits.
    expect(savedFile(cwd)).toBe(before);
    expect(store.flush(0)).toBe(false);
    expect(store.takeNotices()).toEqual([]);

    await store.whenOpen();
    const saved = openProgressStore({ cwd }).workspace(workspace);
    expect(saved.tasks.sigmoid?.hintsShown).toBe(2);
    expect(saved.tuiOpenedAt).toBeDefined();
    expect(store.flush(0)).toBe(true);
    expect(store.takeNotices()).toEqual([]);
    // Once open, a change is saved as it is made.
    store.recordHint(workspace, 'bce-loss');
    expect(openProgressStore({ cwd }).workspace(workspace).tasks['bce-loss']?.hintsShown).toBe(1);
  });

  it('opens the file only once what it waits for (the first frame) has happened', async () => {
    const cwd = tempDir();
    openProgressStore({ cwd }).setLastWorkspace(workspace);
    const before = savedFile(cwd);
    let drawn = () => {};
    const firstFrame = new Promise<void>((resolve) => {
      drawn = resolve;
    });
    const store = openProgressStoreInBackground({ cwd }, firstFrame);
    store.recordHint(workspace, 'sigmoid');
    let open = false;
    void store.whenOpen().then(() => {
      open = true;
    });
    // A store started later, not waiting, has loaded conf and opened its file: this one has not.
    await openProgressStoreInBackground({ cwd: tempDir() }).whenOpen();
    expect(open).toBe(false);
    expect(savedFile(cwd)).toBe(before);

    drawn();
    await store.whenOpen();
    expect(openProgressStore({ cwd }).workspace(workspace).tasks.sigmoid?.hintsShown).toBe(1);
  });

  it('starts empty on a damaged file, and once open moves it aside and says so', async () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'progress.json'), '{ "workspaces": { not json');
    const store = openProgressStoreInBackground({ cwd });
    expect(store.workspace(workspace)).toEqual({ tasks: {} });
    store.setLastLesson(workspace, 'sigmoid');
    await store.whenOpen();
    const aside = readdirSync(cwd).filter((name) => name.startsWith('progress.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(cwd, aside[0] as string), 'utf8')).toBe(
      '{ "workspaces": { not json',
    );
    const notices = store.takeNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(aside[0]);
    expect(openProgressStore({ cwd }).workspace(workspace).lastLesson).toBe('sigmoid');
  });

  it('in a folder that cannot be made keeps what was recorded meanwhile in memory, and says so once', async () => {
    const parent = tempDir();
    writeFileSync(path.join(parent, 'a-file'), '');
    const store = openProgressStoreInBackground({ cwd: path.join(parent, 'a-file', 'config') });
    store.recordHint(workspace, 'sigmoid');
    await store.whenOpen();
    const notices = store.takeNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/cannot be saved.*goes on/);
    store.recordHint(workspace, 'sigmoid');
    expect(store.workspace(workspace).tasks.sigmoid?.hintsShown).toBe(2);
    expect(store.takeNotices()).toEqual([]);
  });

  it('while another tutor holds the lock, waits for it and then saves what it kept', async () => {
    const cwd = tempDir();
    const file = path.join(cwd, 'progress.json');
    openProgressStore({ cwd }).setLastLesson(workspace, 'sigmoid');
    const pid = process.ppid;
    const start = process.platform === 'linux' ? { start: startTime(pid) } : {};
    writeFileSync(`${file}.lock`, JSON.stringify({ host: hostname(), pid, ...start, token: 'x' }));

    const store = openProgressStoreInBackground({ cwd });
    store.recordHint(workspace, 'sigmoid');
    await store.whenOpen();
    expect(store.takeNotices()).toEqual([expect.stringMatching(/is locked by process \d+/)]);
    expect(store.workspace(workspace)).toMatchObject({
      lastLesson: 'sigmoid',
      tasks: { sigmoid: { hintsShown: 1 } },
    });
    expect(JSON.parse(savedFile(cwd)).workspaces[workspace].tasks).toEqual({});
    rmSync(`${file}.lock`);
    await vi.waitFor(
      () =>
        expect(JSON.parse(savedFile(cwd)).workspaces[workspace].tasks.sigmoid.hintsShown).toBe(1),
      { timeout: 5000, interval: 20 },
    );
  });

  it('refuses, during tests, to open the real store', () => {
    const saved = process.env.LOGREG_TUTOR_CONFIG_DIR;
    delete process.env.LOGREG_TUTOR_CONFIG_DIR;
    try {
      expect(() => openProgressStoreInBackground()).toThrow(/Refusing to open the real progress/);
    } finally {
      process.env.LOGREG_TUTOR_CONFIG_DIR = saved;
    }
  });
});
