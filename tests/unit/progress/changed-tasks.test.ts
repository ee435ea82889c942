import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashSource } from '../../../src/engine/source-hash.js';
import type { TaskResult } from '../../../src/engine/types.js';
import { staleReason, staleTasks } from '../../../src/progress/changed-tasks.js';
import { openProgressStore } from '../../../src/progress/store.js';
import type { TaskProgress } from '../../../src/progress/types.js';
import { tempDir } from '../../helpers/workspace.js';

const hash = (text: string) => hashSource(new TextEncoder().encode(text));

function result(
  taskId: string,
  file: string,
  status: TaskResult['status'],
  sources?: Record<string, string>,
): TaskResult {
  return {
    taskId,
    file,
    status,
    checks: [{ name: 'one', passed: status === 'pass', message: status === 'pass' ? '' : 'no' }],
    diagnostics: [],
    output: { text: '', droppedBytes: 0 },
    durationMs: 5,
    notImplemented: false,
    ...(sources ? { sources } : {}),
  };
}

const tasks = [
  { id: 'sigmoid', file: '01-sigmoid.ts' },
  { id: 'bce-loss', file: '02-bce-loss.ts' },
  { id: 'loss-and-grad', file: '03-loss-and-grad.ts' },
];

describe('staleReason', () => {
  const checked: TaskProgress = { attempts: 1, hintsShown: 0, lastStatus: 'fail' };
  it('says nothing of a task never checked: there is no verdict to go stale', () => {
    expect(staleReason(undefined, {})).toBeUndefined();
    expect(staleReason({ attempts: 0, hintsShown: 2 }, { 'a.ts': 'x' })).toBeUndefined();
  });
  it('re-checks a verdict recorded without hashes (an older tutor)', () => {
    expect(staleReason(checked, { 'a.ts': 'x' })).toBe('unknown');
  });
  it('compares every file the check read', () => {
    const record = { ...checked, sources: { 'a.ts': 'x', 'lab.ts': 'y' } };
    expect(staleReason(record, { 'a.ts': 'x', 'lab.ts': 'y' })).toBeUndefined();
    expect(staleReason(record, { 'a.ts': 'x', 'lab.ts': 'z' })).toBe('changed');
  });
});

describe('staleTasks', () => {
  it('finds the tasks whose files changed since their recorded check, and old records without hashes', async () => {
    const dir = tempDir();
    const store = openProgressStore({ cwd: tempDir() });
    writeFileSync(path.join(dir, 'lab.ts'), 'lab v1');
    writeFileSync(path.join(dir, '01-sigmoid.ts'), 'sigmoid v1');
    writeFileSync(path.join(dir, '02-bce-loss.ts'), 'bce v1');
    writeFileSync(path.join(dir, '03-loss-and-grad.ts'), 'grad v1');
    store.recordResults(dir, [
      result('sigmoid', '01-sigmoid.ts', 'fail', { '01-sigmoid.ts': hash('sigmoid v1') }),
      result('bce-loss', '02-bce-loss.ts', 'pass', {
        '02-bce-loss.ts': hash('bce v1'),
        'lab.ts': hash('lab v1'),
      }),
      result('loss-and-grad', '03-loss-and-grad.ts', 'pass'),
    ]);
    expect(await staleTasks(tasks, store.workspace(dir), dir)).toEqual([
      { taskId: 'loss-and-grad', reason: 'unknown' },
    ]);

    // Fixed while the tutor was closed; and an imported file edited.
    writeFileSync(path.join(dir, '01-sigmoid.ts'), 'sigmoid v2');
    writeFileSync(path.join(dir, 'lab.ts'), 'lab v2');
    expect(await staleTasks(tasks, store.workspace(dir), dir)).toEqual([
      { taskId: 'sigmoid', reason: 'changed' },
      { taskId: 'bce-loss', reason: 'changed' },
      { taskId: 'loss-and-grad', reason: 'unknown' },
    ]);

    // Checked again: the new hashes are recorded, and nothing is stale.
    store.recordResults(dir, [
      result('sigmoid', '01-sigmoid.ts', 'pass', { '01-sigmoid.ts': hash('sigmoid v2') }),
      result('bce-loss', '02-bce-loss.ts', 'pass', {
        '02-bce-loss.ts': hash('bce v1'),
        'lab.ts': hash('lab v2'),
      }),
      result('loss-and-grad', '03-loss-and-grad.ts', 'pass', {
        '03-loss-and-grad.ts': hash('grad v1'),
      }),
    ]);
    expect(await staleTasks(tasks, store.workspace(dir), dir)).toEqual([]);
  });

  it('loads a progress file written before hashes were kept, and re-checks what it recorded', async () => {
    const dir = tempDir();
    const cwd = tempDir();
    writeFileSync(path.join(dir, '01-sigmoid.ts'), 'sigmoid v1');
    const old = {
      __internal__: { migrations: { version: '0.1.0' } },
      workspaces: {
        [dir]: {
          lastLesson: 'sigmoid',
          tasks: {
            sigmoid: {
              attempts: 3,
              lastStatus: 'fail',
              lastCheckedAt: '2026-01-01T00:00:00.000Z',
              passedChecks: 1,
              totalChecks: 3,
              firstPassedAt: '2025-12-31T00:00:00.000Z',
              hintsShown: 0,
            },
            'bce-loss': { attempts: 0, hintsShown: 1 },
          },
        },
      },
    };
    writeFileSync(path.join(cwd, 'progress.json'), JSON.stringify(old));
    const store = openProgressStore({ cwd });
    expect(store.takeNotices()).toEqual([]);
    expect(store.workspace(dir).tasks.sigmoid).toMatchObject({ attempts: 3, lastStatus: 'fail' });
    expect(await staleTasks(tasks, store.workspace(dir), dir)).toEqual([
      { taskId: 'sigmoid', reason: 'unknown' },
    ]);
  });

  it('drops the hashes of an older check when a result comes without any', () => {
    const dir = tempDir();
    const store = openProgressStore({ cwd: tempDir() });
    store.recordResult(dir, result('sigmoid', '01-sigmoid.ts', 'fail', { '01-sigmoid.ts': 'x' }));
    expect(store.workspace(dir).tasks.sigmoid?.sources).toEqual({ '01-sigmoid.ts': 'x' });
    store.recordResult(dir, result('sigmoid', '01-sigmoid.ts', 'pass'));
    expect(store.workspace(dir).tasks.sigmoid?.sources).toBeUndefined();
  });
});
