// The one keymap: key names, the contexts keys go to, the footer and the help drawn from it.
import { describe, expect, it } from 'vitest';
import { keyName } from '../../../../src/ui/app/bindings.js';
import { actionFor, footerItems, helpRows, keymap } from '../../../../src/ui/app/keymap.js';
import {
  course,
  empty,
  onTask,
  passedSigmoid,
  run,
  start,
  view,
} from '../../../helpers/ui-state.js';

describe('keymap', () => {
  it('names keys', () => {
    expect(keyName('c', { ctrl: true })).toBe('ctrl+c');
    expect(keyName('', { upArrow: true })).toBe('up');
    expect(keyName('', { pageDown: true })).toBe('pgdn');
    expect(keyName('\r', { return: true })).toBe('enter');
    expect(keyName('', { escape: true })).toBe('esc');
    expect(keyName('j', {})).toBe('j');
    expect(keyName(' ', {})).toBe('space');
    expect(keyName('x', { ctrl: true })).toBeUndefined();
  });

  it('quits on Ctrl+C from every context, even a terminal too small to use', () => {
    const task = onTask('sigmoid');
    for (const state of [
      start(empty, true),
      start(),
      task,
      { ...task, overlay: { kind: 'help' } as const },
    ]) {
      expect(actionFor(state, 'ctrl+c', view, course)).toEqual({ type: 'quit' });
    }
    expect(actionFor(task, 'ctrl+c', { ...view, tooSmall: true }, course)).toEqual({
      type: 'quit',
    });
    expect(actionFor(task, 'q', { ...view, tooSmall: true }, course)).toEqual({ type: 'quit' });
    expect(actionFor(task, 'r', { ...view, tooSmall: true }, course)).toBeUndefined();
  });

  it('maps the task keys', () => {
    const state = onTask('sigmoid');
    expect(actionFor(state, 'r', view, course)).toEqual({ type: 'recheck' });
    expect(actionFor(state, 'h', view, course)).toEqual({ type: 'hint' });
    expect(actionFor(state, 'e', view, course)).toEqual({ type: 'edit' });
    expect(actionFor(state, 'n', view, course)).toEqual({ type: 'next' });
    expect(actionFor(state, 's', view, course)).toEqual({ type: 'solution' });
    expect(actionFor(state, 'b', view, course)).toEqual({ type: 'back' });
    expect(actionFor(state, 'esc', view, course)).toEqual({ type: 'back' });
    expect(actionFor(state, '?', view, course)).toEqual({ type: 'help' });
    expect(actionFor(state, 'q', view, course)).toEqual({ type: 'quit' });
    expect(actionFor(state, 'pgdn', view, course)).toEqual({ type: 'scroll', by: 9, max: 30 });
    expect(actionFor(state, 'j', view, course)).toEqual({ type: 'scroll', by: 1, max: 30 });
  });

  it('maps the map keys: arrows and j/k move, Enter opens', () => {
    const state = start();
    expect(actionFor(state, 'down', view, course)).toEqual({ type: 'move', by: 1 });
    expect(actionFor(state, 'j', view, course)).toEqual({ type: 'move', by: 1 });
    expect(actionFor(state, 'up', view, course)).toEqual({ type: 'move', by: -1 });
    expect(actionFor(state, 'k', view, course)).toEqual({ type: 'move', by: -1 });
    expect(actionFor(state, 'enter', view, course)).toEqual({ type: 'open' });
    expect(actionFor(state, 'r', view, course)).toBeUndefined();
  });

  it('sends keys to an open overlay first', () => {
    const hint = { ...onTask('sigmoid'), overlay: { kind: 'hint', taskId: 'sigmoid' } as const };
    expect(actionFor(hint, 'h', view, course)).toEqual({ type: 'hint' });
    expect(actionFor(hint, 'esc', view, course)).toEqual({ type: 'close-overlay' });
    expect(actionFor(hint, 'down', view, course)).toEqual({
      type: 'overlay-scroll',
      by: 1,
      max: 3,
    });
    const help = { ...onTask('sigmoid'), overlay: { kind: 'help' } as const };
    expect(actionFor(help, '?', view, course)).toEqual({ type: 'close-overlay' });
    expect(actionFor(help, 'r', view, course)).toBeUndefined();
  });

  it('draws the footer from the same table: s after a pass, Esc cancel while a check runs', () => {
    const before = onTask('sigmoid');
    expect(footerItems(before, view, course)).toEqual([
      'r recheck',
      'h hint',
      'e edit',
      'p plots',
      'x run',
      'n next',
      't checks',
      'b back',
      '? help',
      'q quit',
    ]);
    expect(footerItems(onTask('sigmoid', passedSigmoid), view, course)).toContain('s solution');
    const running = run(before, {
      type: 'check-started',
      taskId: 'sigmoid',
      runId: 1,
      at: 0,
    }).state;
    expect(footerItems(running, view, course)).toContain('Esc cancel');
    expect(footerItems(start(), view, course)).toEqual([
      '↑↓/jk move',
      'Enter open',
      'v review',
      'c checklist',
      '? help',
      'q quit',
    ]);
  });

  it('lists every key of the screen in the help', () => {
    const rows = helpRows(onTask('sigmoid'));
    // The scrolling keys share one row.
    expect(rows).toHaveLength(keymap.task.filter((binding) => !binding.group).length + 2);
    expect(rows).toContainEqual({
      keys: '↑ k ↓ j PgUp PgDn Space Home g End G',
      help: 'scroll the lesson (the checks, when alone): a row, a page, top, end',
    });
    expect(rows.map((entry) => entry.keys)).toEqual(
      expect.arrayContaining(['r', 'h', 'e', 'n', 's', 'b', 'q', '?', 'Esc', 'Ctrl+C']),
    );
  });
});
