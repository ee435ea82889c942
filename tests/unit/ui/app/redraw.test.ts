import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../../src/engine/types.js';
import { redrawFor } from '../../../../src/ui/app/redraw.js';
import { reduce } from '../../../../src/ui/app/reducer.js';
import { type Action, initialState, type UiState } from '../../../../src/ui/app/state.js';
import { fakeCourse, taskResult } from '../../../helpers/fake-services.js';

const course = fakeCourse();
const onTask: UiState = {
  ...initialState(course, { tasks: {} }, false),
  screen: { screen: 'task', id: 'sigmoid' },
};

/** When the change `action` makes to `state` is drawn. */
function when(state: UiState, action: Action) {
  return redrawFor(action, state, reduce(state, action, course).state);
}

const typeError: Diagnostic = {
  file: '01-sigmoid.ts',
  line: 3,
  column: 9,
  message: "Type 'string' is not assignable to type 'number'.",
  lineText: '  return "0";',
};

describe('redrawFor', () => {
  it('keeps the measures of the frame on screen for the keys without drawing again', () => {
    const view = { page: 17, maxScroll: 80, overlayPage: 1, overlayMax: 0, tooSmall: false };
    const measured: Action = { type: 'measured', view };
    expect(when(onTask, measured)).toBe('with-next');
    const after = reduce(onTask, measured, course).state;
    expect(after.view).toEqual(view);
    // The same measures again change nothing, and a notice stays.
    const noticed = { ...after, notice: 'Saved.' };
    expect(reduce(noticed, measured, course).state).toBe(noticed);
  });

  it('holds `checking` back, and draws a verdict at once', () => {
    const started: Action = { type: 'check-started', taskId: 'sigmoid', runId: 1, at: 0 };
    expect(when(onTask, started)).toBe('soon');
    const checking = reduce(onTask, started, course).state;
    const result = taskResult(course, 'sigmoid', 'pass');
    expect(
      when(checking, { type: 'check-finished', taskId: 'sigmoid', runId: 1, result, at: 1 }),
    ).toBe('now');
  });

  it('draws type errors when they change, and lets the same answer wait', () => {
    const typeChecked = (diagnostics: Diagnostic[]): Action => ({
      type: 'type-checked',
      taskId: 'sigmoid',
      diagnostics,
    });
    // None before the first answer looks like none.
    expect(when(onTask, typeChecked([]))).toBe('with-next');
    const withError = reduce(onTask, typeChecked([typeError]), course).state;
    expect(when(onTask, typeChecked([typeError]))).toBe('now');
    expect(when(withError, typeChecked([{ ...typeError }]))).toBe('with-next');
    expect(when(withError, typeChecked([{ ...typeError, line: 4 }]))).toBe('now');
    expect(when(withError, typeChecked([]))).toBe('now');
  });

  it('draws plots only in their overlay', () => {
    const started: Action = { type: 'plots-started', taskId: 'sigmoid', runId: 1, at: 0 };
    expect(when(onTask, started)).toBe('with-next');
    const inOverlay: UiState = {
      ...onTask,
      overlay: { kind: 'plots', taskId: 'sigmoid', page: 0 },
    };
    expect(when(inOverlay, started)).toBe('now');
    expect(when(inOverlay, { ...started, taskId: 'bce-loss' })).toBe('with-next');
  });

  it('draws keys at once', () => {
    expect(when(onTask, { type: 'cycle-pane' })).toBe('now');
    expect(when(onTask, { type: 'help' })).toBe('now');
  });
});
