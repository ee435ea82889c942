// `R` on the task screen: offered (in the footer) only when the last check found the file
// missing, and then asks for the starter to be restored.
import { describe, expect, it } from 'vitest';
import { actionFor, footerItems } from '../../../../src/ui/app/keymap.js';
import { reduce } from '../../../../src/ui/app/reducer.js';
import { initialState, type UiState, type View } from '../../../../src/ui/app/state.js';
import { fileMissing } from '../../../../src/ui/task/select.js';
import { fakeCourse, taskResult } from '../../../helpers/fake-services.js';

const course = fakeCourse();
const view: View = { page: 10, maxScroll: 0, overlayPage: 10, overlayMax: 0, tooSmall: false };

function onSigmoid(missing: boolean): UiState {
  const state: UiState = {
    ...initialState(course, { tasks: {} }, false),
    screen: { screen: 'task', id: 'sigmoid' },
  };
  const result = {
    ...taskResult(course, 'sigmoid', missing ? 'compile-error' : 'fail', {
      failing: { shape: { message: 'no' } },
    }),
    ...(missing ? { missingFile: true } : {}),
  };
  return reduce(
    reduce(state, { type: 'check-started', taskId: 'sigmoid', runId: 1, at: 1 }, course).state,
    { type: 'check-finished', taskId: 'sigmoid', runId: 1, result, at: 2 },
    course,
  ).state;
}

describe('restoring a deleted task file', () => {
  it('is offered when the file is missing, and R asks for the starter', () => {
    const state = onSigmoid(true);
    expect(fileMissing(state, 'sigmoid')).toBe(true);
    expect(footerItems(state, view, course)).toContain('R restore file');
    const action = actionFor(state, 'R', view, course);
    expect(action).toEqual({ type: 'restore-file' });
    if (!action) throw new Error('no action');
    expect(reduce(state, action, course).effects).toEqual([
      { type: 'restore-file', taskId: 'sigmoid' },
    ]);
  });

  it('is not offered, and R does nothing, when the file is there', () => {
    const state = onSigmoid(false);
    expect(footerItems(state, view, course)).not.toContain('R restore file');
    expect(reduce(state, { type: 'restore-file' }, course).effects).toEqual([]);
  });
});
