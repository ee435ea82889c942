import { describe, expect, it } from 'vitest';
import type { NotebookResult } from '../../../../src/notebook/types.js';
import { keyContext } from '../../../../src/ui/app/keymap.js';
import { reduce } from '../../../../src/ui/app/reducer.js';
import { initialState, type UiState } from '../../../../src/ui/app/state.js';
import { fakeCourse } from '../../../helpers/fake-services.js';

const course = fakeCourse();
const onTask: UiState = {
  ...initialState(course, { tasks: {} }, false),
  screen: { screen: 'task', id: 'sigmoid' },
  cursor: course.lessons.findIndex((lesson) => lesson.id === 'sigmoid'),
};
const result = (status: 'pass' | 'fail') => ({ taskId: 'sigmoid', status }) as NotebookResult;

describe('the Run view slice', () => {
  it('x opens the Run view and asks for a run, every time', () => {
    const { state, effects } = reduce(onTask, { type: 'run-cell' }, course);
    expect(state.overlay).toEqual({ kind: 'run', taskId: 'sigmoid' });
    expect(keyContext(state, { tooSmall: false })).toBe('run');
    expect(effects).toEqual([{ type: 'run-cell', taskId: 'sigmoid' }]);
    expect(reduce(state, { type: 'run-cell' }, course).effects).toEqual(effects);
  });

  it('keeps the result of the latest run only', () => {
    let state = reduce(
      onTask,
      { type: 'cell-started', taskId: 'sigmoid', runId: 1, at: 10 },
      course,
    ).state;
    state = reduce(
      state,
      { type: 'cell-started', taskId: 'sigmoid', runId: 2, at: 20 },
      course,
    ).state;
    const stale = {
      type: 'cell-finished',
      taskId: 'sigmoid',
      runId: 1,
      result: result('fail'),
    } as const;
    expect(reduce(state, stale, course).state).toBe(state);
    state = reduce(
      state,
      { type: 'cell-finished', taskId: 'sigmoid', runId: 2, result: result('pass') },
      course,
    ).state;
    expect(state.cells?.sigmoid).toEqual({ last: { result: result('pass'), startedAt: 20 } });
  });

  it('a save of the file while the Run view is open runs the cell again, with the check', () => {
    const open = reduce(onTask, { type: 'run-cell' }, course).state;
    const saved = reduce(open, { type: 'files-saved', files: ['01-sigmoid.ts'] }, course);
    expect(saved.effects).toEqual([
      { type: 'check', taskId: 'sigmoid' },
      { type: 'run-cell', taskId: 'sigmoid' },
    ]);
    const closed = reduce(onTask, { type: 'files-saved', files: ['01-sigmoid.ts'] }, course);
    expect(closed.effects).toEqual([{ type: 'check', taskId: 'sigmoid' }]);
  });
});
