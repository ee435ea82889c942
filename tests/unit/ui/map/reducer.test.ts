// The map's slice: moving, opening lessons (locked or not, checked again or not).
import { describe, expect, it } from 'vitest';
import { course, passedSigmoid, run, start } from '../../../helpers/ui-state.js';

describe('reduce: the map', () => {
  it('moves the cursor within the course', () => {
    expect(run(start(), { type: 'move', by: -1 }).state.cursor).toBe(0);
    expect(run(start(), { type: 'move', by: 2 }).state.cursor).toBe(2);
    expect(run(start(), { type: 'move', by: 99 }).state.cursor).toBe(course.lessons.length - 1);
  });

  it('opens the reading lesson and remembers it', () => {
    const update = run(start(), { type: 'open' });
    expect(update.state.screen).toEqual({ screen: 'intro', id: 'dataset' });
    expect(update.effects).toEqual([{ type: 'set-last-lesson', lessonId: 'dataset' }]);
  });

  it('does not open a locked task, and says what unlocks it', () => {
    const update = run(start(), { type: 'move', by: 2 }, { type: 'open' });
    expect(update.state.screen).toEqual({ screen: 'map' });
    expect(update.state.notice).toBe('Stable loss is locked: complete sigmoid first.');
    expect(update.effects).toEqual([]);
  });

  it('opens a task never checked without checking it, and rechecks one checked before', () => {
    const fresh = run(start(), { type: 'move', by: 1 }, { type: 'open' });
    expect(fresh.state.screen).toEqual({ screen: 'task', id: 'sigmoid' });
    expect(fresh.effects).toEqual([{ type: 'set-last-lesson', lessonId: 'sigmoid' }]);
    const again = run(start(passedSigmoid), { type: 'move', by: 1 }, { type: 'open' });
    expect(again.effects).toContainEqual({ type: 'check', taskId: 'sigmoid' });
  });

  it('checks on opening a task never checked whose file was saved or deleted meanwhile', () => {
    // The student wrote 01-sigmoid.ts (or deleted it) while the map was on screen.
    const away = run(start(), { type: 'files-saved', files: ['01-sigmoid.ts'] });
    expect(away.effects).toEqual([]);
    const opened = run(away.state, { type: 'move', by: 1 }, { type: 'open' });
    expect(opened.effects).toContainEqual({ type: 'check', taskId: 'sigmoid' });
    // Once that check has started, a later opening is back to the usual rule.
    const started = run(opened.state, {
      type: 'check-started',
      taskId: 'sigmoid',
      runId: 1,
      at: 0,
    });
    expect(started.state.runs.sigmoid?.savedSinceCheck).toBeUndefined();
  });

  it('does not check a fresh task on opening after a save of lab.ts or another task', () => {
    const away = run(start(), { type: 'files-saved', files: ['lab.ts', '02-bce-loss.ts'] });
    const opened = run(away.state, { type: 'move', by: 1 }, { type: 'open' });
    expect(opened.effects).toEqual([{ type: 'set-last-lesson', lessonId: 'sigmoid' }]);
  });
});
