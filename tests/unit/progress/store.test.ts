import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskResult } from '../../../src/engine/types.js';
import { configDirVariable, openProgressStore } from '../../../src/progress/store.js';
import { tempDir } from '../../helpers/workspace.js';

const packageVersion = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string })
  .version;

function result(status: TaskResult['status'], passed: number, total = 3): TaskResult {
  return {
    taskId: 'sigmoid',
    file: '01-sigmoid.ts',
    status,
    checks: Array.from({ length: total }, (_, i) => ({
      name: `check ${i}`,
      passed: i < passed,
      message: i < passed ? '' : 'no',
    })),
    diagnostics: [],
    output: { text: '', droppedBytes: 0 },
    durationMs: 5,
    notImplemented: false,
  };
}

// The student's real store must never be touched by a test run.
const realStores = [
  path.join(homedir(), '.config', 'logreg-tutor'),
  path.join(homedir(), '.config', 'logreg-tutor-nodejs'),
];
const before = realStores.map((dir) => (existsSync(dir) ? statSync(dir).mtimeMs : undefined));
afterAll(() => {
  expect(realStores.map((dir) => (existsSync(dir) ? statSync(dir).mtimeMs : undefined))).toEqual(
    before,
  );
});

const workspace = '/home/student/my.lab';

describe('openProgressStore', () => {
  it('starts empty, in the given folder', () => {
    const cwd = tempDir();
    const store = openProgressStore({ cwd });
    expect(store.path).toBe(path.join(cwd, 'progress.json'));
    expect(store.workspace(workspace)).toEqual({ tasks: {} });
    expect(store.lastWorkspace()).toBeUndefined();
  });

  it('records checks: attempts, last status, counts, and the first pass for good', () => {
    const store = openProgressStore({ cwd: tempDir() });
    store.recordResult(workspace, result('fail', 1));
    const passed = store.recordResult(workspace, result('pass', 3)).tasks.sigmoid;
    expect(passed).toMatchObject({
      attempts: 2,
      lastStatus: 'pass',
      passedChecks: 3,
      totalChecks: 3,
      hintsShown: 0,
    });
    expect(passed?.firstPassedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const regressed = store.recordResult(workspace, result('compile-error', 0)).tasks.sigmoid;
    expect(regressed).toMatchObject({
      attempts: 3,
      lastStatus: 'compile-error',
      passedChecks: 0,
      firstPassedAt: passed?.firstPassedAt,
    });
  });

  it('counts hints and remembers the last lesson, per workspace', () => {
    const store = openProgressStore({ cwd: tempDir() });
    store.recordHint(workspace, 'sigmoid');
    expect(store.recordHint(workspace, 'sigmoid').tasks.sigmoid).toEqual({
      attempts: 0,
      hintsShown: 2,
    });
    expect(store.setLastLesson(workspace, 'bce-loss').lastLesson).toBe('bce-loss');
    expect(store.workspace('/elsewhere')).toEqual({ tasks: {} });
  });

  it('says once per workspace that the interactive tutor opens it for the first time', () => {
    const store = openProgressStore({ cwd: tempDir() });
    // `init` or `check` may have recorded results already: that is not the interactive tutor.
    store.recordResult(workspace, result('fail', 1));
    expect(store.recordTuiStart(workspace)).toBe(true);
    expect(store.workspace(workspace).tuiOpenedAt).toEqual(expect.any(String));
    expect(store.recordTuiStart(workspace)).toBe(false);
    // A workspace the tutor opened before it kept this record: it set the last lesson.
    store.setLastLesson('/resumed', 'sigmoid');
    expect(store.recordTuiStart('/resumed')).toBe(false);
    expect(store.recordTuiStart('/elsewhere')).toBe(true);
  });

  it('saves every change at once, keyed by absolute path', () => {
    const cwd = tempDir();
    const store = openProgressStore({ cwd });
    store.recordHint('relative/lab', 'sigmoid');
    store.setLastWorkspace('relative/lab');
    const saved = JSON.parse(readFileSync(store.path, 'utf8'));
    expect(Object.keys(saved.workspaces)).toEqual([path.resolve('relative/lab')]);
    expect(saved.lastWorkspace).toBe(path.resolve('relative/lab'));
    const reopened = openProgressStore({ cwd });
    expect(reopened.workspace(path.resolve('relative/lab')).tasks.sigmoid?.hintsShown).toBe(1);
    expect(reopened.lastWorkspace()).toBe(path.resolve('relative/lab'));
  });

  it('records the version for migrations', () => {
    const store = openProgressStore({ cwd: tempDir() });
    expect(JSON.parse(readFileSync(store.path, 'utf8')).__internal__.migrations.version).toBe(
      packageVersion,
    );
  });

  it('keeps fields it does not know (written by a newer tutor)', () => {
    const cwd = tempDir();
    writeFileSync(
      path.join(cwd, 'progress.json'),
      JSON.stringify({
        theme: 'dark',
        workspaces: {
          [workspace]: { tasks: { sigmoid: { attempts: 1, hintsShown: 0, questions: [1] } } },
        },
      }),
    );
    const store = openProgressStore({ cwd });
    store.recordHint(workspace, 'sigmoid');
    const saved = JSON.parse(readFileSync(store.path, 'utf8'));
    expect(saved.theme).toBe('dark');
    expect(saved.workspaces[workspace].tasks.sigmoid).toEqual({
      attempts: 1,
      hintsShown: 1,
      questions: [1],
    });
  });

  // A damaged file is moved aside, not thrown: see resilience.test.ts.
});

describe('where the store lives', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env[configDirVariable];
  });
  afterEach(() => {
    if (saved === undefined) delete process.env[configDirVariable];
    else process.env[configDirVariable] = saved;
  });

  it(`is ${configDirVariable} when set`, () => {
    const cwd = tempDir();
    process.env[configDirVariable] = cwd;
    expect(openProgressStore().path).toBe(path.join(cwd, 'progress.json'));
  });

  it('is never the real one during tests', () => {
    delete process.env[configDirVariable];
    expect(() => openProgressStore()).toThrow(
      /Refusing to open the real progress store during tests/,
    );
  });
});
