// The plots' slice and keys: computed after a pass, opened with p, paged, newest kept.
import { describe, expect, it } from 'vitest';
import { keyName } from '../../../../src/ui/app/bindings.js';
import { actionFor, footerItems, helpRows } from '../../../../src/ui/app/keymap.js';
import type { UiState } from '../../../../src/ui/app/state.js';
import { taskResult } from '../../../helpers/fake-services.js';
import { course, finished, onTask, run, view } from '../../../helpers/ui-state.js';

describe('reduce and keymap: the plots', () => {
  const plotResult = (plots: number, status: 'drawn' | 'failed' = 'drawn') =>
    ({
      taskId: 'sigmoid',
      file: '01-sigmoid.ts',
      status,
      plots: Array.from({ length: plots }, () => ({
        kind: 'failed' as const,
        definition: {} as never,
        error: 'x',
      })),
      output: { text: '', droppedBytes: 0 },
      durationMs: 1,
    }) as const;
  const computed = (state: UiState, plots = 2, at = 5): UiState =>
    run(
      state,
      { type: 'plots-started', taskId: 'sigmoid', runId: 1, at },
      { type: 'plots-finished', taskId: 'sigmoid', runId: 1, result: plotResult(plots) },
    ).state;

  it('computes the plots after a pass on screen, once per passing result', () => {
    const passing = taskResult(course, 'sigmoid', 'pass');
    const checking = run(onTask('sigmoid'), {
      type: 'check-started',
      taskId: 'sigmoid',
      runId: 1,
      at: 0,
    }).state;
    expect(run(checking, finished('sigmoid', 1, passing)).effects).toEqual([
      { type: 'compute-plots', taskId: 'sigmoid' },
    ]);
    // A failing result, a result dropped as stale, a pass off screen: nothing to draw.
    const failing = taskResult(course, 'sigmoid', 'fail', { failing: { shape: { message: 'x' } } });
    expect(run(checking, finished('sigmoid', 1, failing)).effects).toEqual([]);
    expect(run(checking, finished('sigmoid', 7, passing)).effects).toEqual([]);
    const onMap = { ...checking, screen: { screen: 'map' } } as const;
    expect(run(onMap, finished('sigmoid', 1, passing)).effects).toEqual([]);
  });

  it('p opens the plots on page 1 and computes them unless fresh ones are there', () => {
    const opened = run(onTask('sigmoid'), { type: 'plots' });
    expect(opened.state.overlay).toEqual({ kind: 'plots', taskId: 'sigmoid', page: 0 });
    expect(opened.effects).toEqual([{ type: 'compute-plots', taskId: 'sigmoid' }]);
    // Computed after the last check: shown as they are.
    const fresh = computed(onTask('sigmoid'));
    expect(run(fresh, { type: 'plots' }).effects).toEqual([]);
    // A check after them (the file was saved): computed again.
    const checked = run(
      fresh,
      { type: 'check-started', taskId: 'sigmoid', runId: 1, at: 9 },
      {
        type: 'check-finished',
        taskId: 'sigmoid',
        runId: 1,
        result: taskResult(course, 'sigmoid', 'fail'),
        at: 10,
      },
    ).state;
    expect(run(checked, { type: 'plots' }).effects).toEqual([
      { type: 'compute-plots', taskId: 'sigmoid' },
    ]);
    // One on its way is not started twice.
    const running = run(onTask('sigmoid'), {
      type: 'plots-started',
      taskId: 'sigmoid',
      runId: 1,
      at: 0,
    }).state;
    expect(run(running, { type: 'plots' }).effects).toEqual([]);
  });

  it('pages within the plots there are; a failed result is one page', () => {
    const open = run(computed(onTask('sigmoid')), { type: 'plots' }).state;
    const page = (state: UiState) => (state.overlay?.kind === 'plots' ? state.overlay.page : -1);
    expect(page(run(open, { type: 'plot-page', by: 1 }).state)).toBe(1);
    expect(page(run(open, { type: 'plot-page', by: 1 }, { type: 'plot-page', by: 1 }).state)).toBe(
      1,
    );
    expect(page(run(open, { type: 'plot-page', by: -1 }).state)).toBe(0);
    const failed = run(
      open,
      { type: 'plots-started', taskId: 'sigmoid', runId: 2, at: 6 },
      { type: 'plots-finished', taskId: 'sigmoid', runId: 2, result: plotResult(2, 'failed') },
    ).state;
    expect(page(run(failed, { type: 'plot-page', by: 1 }).state)).toBe(0);
  });

  it('keeps the newest computation only, and records a failure or a cancel', () => {
    const started = run(
      onTask('sigmoid'),
      { type: 'plots-started', taskId: 'sigmoid', runId: 1, at: 0 },
      { type: 'plots-started', taskId: 'sigmoid', runId: 2, at: 1 },
    ).state;
    const stale = run(started, {
      type: 'plots-finished',
      taskId: 'sigmoid',
      runId: 1,
      result: plotResult(1),
    }).state;
    expect(stale.plots?.sigmoid).toEqual({ running: { runId: 2, startedAt: 1 } });
    const failed = run(started, {
      type: 'plots-failed',
      taskId: 'sigmoid',
      runId: 2,
      message: 'boom',
    }).state;
    expect(failed.plots?.sigmoid).toEqual({ running: undefined, error: 'boom' });
    const cancelled = run(started, { type: 'plots-cancelled', taskId: 'sigmoid', runId: 2 }).state;
    expect(cancelled.plots?.sigmoid?.running).toBeUndefined();
    expect(cancelled.plots?.sigmoid?.error).toBeUndefined();
  });

  it('maps p on the task screen, and ←→ PgUp PgDn, p, Esc and b in the plots', () => {
    const task = onTask('sigmoid');
    expect(actionFor(task, 'p', view, course)).toEqual({ type: 'plots' });
    expect(keyName('', { leftArrow: true })).toBe('left');
    expect(keyName('', { rightArrow: true })).toBe('right');
    const open = run(task, { type: 'plots' }).state;
    for (const key of ['right', 'pgdn', 'space'])
      expect(actionFor(open, key, view, course)).toEqual({ type: 'plot-page', by: 1 });
    for (const key of ['left', 'pgup'])
      expect(actionFor(open, key, view, course)).toEqual({ type: 'plot-page', by: -1 });
    for (const key of ['p', 'esc', 'b'])
      expect(actionFor(open, key, view, course)).toEqual({ type: 'close-overlay' });
    expect(footerItems(open, view, course)).toEqual(['←→ page', 'e edit', 'Esc close', 'q quit']);
    expect(helpRows(task)).toContainEqual({
      keys: 'p',
      help: 'your plots, drawn from your own code (a failing file draws too)',
    });
  });
});
