import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TaskResult } from '../../../src/engine/types.js';
import { recordResult, recordResults } from '../../../src/progress/record-results.js';
import { openProgressStore } from '../../../src/progress/store.js';
import type { ProgressStore } from '../../../src/progress/types.js';
import { taskResult } from '../../helpers/fake-services.js';
import { course, tempDir } from '../../helpers/workspace.js';

const workspace = '/home/ada/logreg-lab';

const lessons = course();

/** A result of `taskId` in which the first check fails unless the task passes. */
function result(taskId: string, status: TaskResult['status']): TaskResult {
  const first = lessons.tasks.find((task) => task.id === taskId)?.checks[0]?.name ?? '';
  return taskResult(lessons, taskId, status, {
    ...(status === 'pass' ? {} : { failing: { [first]: { message: 'no' } } }),
  });
}

describe('recordResults', () => {
  it('records every result in the store and returns them with the new progress', () => {
    const store = openProgressStore({ cwd: tempDir() });
    const results = [result('sigmoid', 'pass'), result('bce-loss', 'fail')];
    const recorded = recordResults(store, workspace, results);
    expect(recorded.results).toBe(results);
    expect(recorded.notices).toEqual([]);
    expect(recorded.progress?.tasks.sigmoid).toMatchObject({
      attempts: 1,
      lastStatus: 'pass',
      passedChecks: results[0]?.checks.length,
      totalChecks: results[0]?.checks.length,
    });
    expect(recorded.progress?.tasks['bce-loss']).toMatchObject({
      attempts: 1,
      lastStatus: 'fail',
      passedChecks: (results[1]?.checks.length ?? 0) - 1,
    });
    expect(recorded.progress?.tasks.sigmoid?.firstPassedAt).toEqual(expect.any(String));
    // What it returns is what the store now holds.
    expect(store.workspace(workspace)).toEqual(recorded.progress);
  });

  it("hands on the store's notices once: a damaged file moved aside at opening", () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'progress.json'), '{ "workspaces": { not json');
    const store = openProgressStore({ cwd });
    const first = recordResults(store, workspace, [result('sigmoid', 'pass')]);
    expect(first.notices).toHaveLength(1);
    expect(first.notices[0]).toMatch(/progress\.damaged-/);
    expect(first.progress?.tasks.sigmoid?.attempts).toBe(1);
    expect(recordResults(store, workspace, [result('sigmoid', 'pass')]).notices).toEqual([]);
  });

  it('says in a notice, and never throws, when the store cannot record', () => {
    const broken: ProgressStore = Object.assign(
      Object.create(openProgressStore({ cwd: tempDir() })) as ProgressStore,
      {
        recordResults: () => {
          throw new Error('disk on fire');
        },
        takeNotices: () => ['the store says so too'],
      },
    );
    const given = result('sigmoid', 'fail');
    const recorded = recordResult(broken, workspace, given);
    expect(recorded.result).toBe(given);
    expect(recorded.progress).toBeUndefined();
    expect(recorded.notices).toEqual([
      'Failed to record the checks of sigmoid: disk on fire',
      'the store says so too',
    ]);
  });
});

describe('recordResult', () => {
  it('records one result as one more attempt', () => {
    const store = openProgressStore({ cwd: tempDir() });
    recordResult(store, workspace, result('sigmoid', 'fail'));
    const recorded = recordResult(store, workspace, result('sigmoid', 'pass'));
    expect(recorded.progress?.tasks.sigmoid).toMatchObject({ attempts: 2, lastStatus: 'pass' });
    expect(recorded.notices).toEqual([]);
  });
});
