import { describe, expect, it } from 'vitest';
import { reduce } from '../../../../src/ui/app/reducer.js';
import { type Action, initialState, type UiState } from '../../../../src/ui/app/state.js';
import { fakeCourse, taskResult } from '../../../helpers/fake-services.js';

const course = fakeCourse();
const onMap = initialState(course, { tasks: {} }, false);
const found: Action = {
  type: 'stale-found',
  tasks: [
    { taskId: 'sigmoid', reason: 'changed' },
    { taskId: 'bce-loss', reason: 'changed' },
  ],
};

function statuses(state: UiState): Record<string, string> {
  return Object.fromEntries(
    Object.entries(state.stale ?? {}).map(([taskId, mark]) => [taskId, mark.status]),
  );
}

describe('the start-up re-check slice', () => {
  it('queues the stale tasks and starts the first', () => {
    const { state, effects } = reduce(onMap, found, course);
    expect(statuses(state)).toEqual({ sigmoid: 'checking', 'bce-loss': 'queued' });
    expect(effects).toEqual([{ type: 'check-stale', taskId: 'sigmoid' }]);
  });

  it('skips a task already checked in this session', () => {
    const checked = reduce(
      onMap,
      { type: 'check-started', taskId: 'sigmoid', runId: 1, at: 1 },
      course,
    ).state;
    const { state, effects } = reduce(checked, found, course);
    expect(statuses(state)).toEqual({ 'bce-loss': 'queued' });
    // The student's check runs: the background waits for it.
    expect(effects).toEqual([]);
    const done = reduce(
      state,
      {
        type: 'check-finished',
        taskId: 'sigmoid',
        runId: 1,
        result: taskResult(course, 'sigmoid', 'pass'),
        at: 2,
      },
      course,
    );
    expect(statuses(done.state)).toEqual({ 'bce-loss': 'checking' });
    expect(done.effects).toContainEqual({ type: 'check-stale', taskId: 'bce-loss' });
  });

  it('gives way to the checklist, which answers for every task', () => {
    const started = reduce(onMap, found, course).state;
    const map = { ...started, screen: { screen: 'map' } as const };
    const { state, effects } = reduce(map, { type: 'checklist' }, course);
    expect(effects[0]).toEqual({ type: 'cancel-stale' });
    expect(effects).toContainEqual({ type: 'run-checklist' });
    expect(statuses(state)).toEqual({ sigmoid: 'queued', 'bce-loss': 'queued' });
    let after = reduce(state, { type: 'checklist-started', at: 1 }, course).state;
    for (const taskId of ['sigmoid', 'bce-loss'])
      after = reduce(
        after,
        { type: 'checklist-result', result: taskResult(course, taskId, 'pass') },
        course,
      ).state;
    const finished = reduce(after, { type: 'checklist-finished' }, course);
    expect(statuses(finished.state)).toEqual({});
    expect(finished.effects).toEqual([]);
  });

  it('starts nothing on an action dispatched in passing, before the check a key asked for', () => {
    const queued = {
      ...reduce(onMap, found, course).state,
      stale: { 'bce-loss': { reason: 'changed', status: 'queued' } as const },
    };
    const { effects } = reduce(queued, { type: 'progress', progress: { tasks: {} } }, course);
    expect(effects).toEqual([]);
  });

  it('quitting cancels the check in flight', () => {
    const started = reduce(onMap, found, course).state;
    const { effects } = reduce(started, { type: 'quit' }, course);
    expect(effects).toEqual([{ type: 'cancel-stale' }, { type: 'cancel-check' }, { type: 'exit' }]);
  });
});
