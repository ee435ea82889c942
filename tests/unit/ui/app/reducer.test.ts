// The one reducer: where a launch starts; a notice cleared by the next key, not by an answer.
import { describe, expect, it } from 'vitest';
import { course, empty, run, start } from '../../../helpers/ui-state.js';

describe('initialState', () => {
  it('welcomes a first launch and resumes on the map at the last lesson otherwise', () => {
    expect(start(empty, true).screen).toEqual({ screen: 'welcome' });
    const resumed = start({ lastLesson: 'bce-loss', tasks: {} });
    expect(resumed.screen).toEqual({ screen: 'map' });
    expect(course.lessons[resumed.cursor]?.id).toBe('bce-loss');
    expect(start({ lastLesson: 'gone-from-the-course', tasks: {} }).cursor).toBe(0);
  });
});

describe('reduce', () => {
  it('clears a notice on the next key, not on an answer from the services', () => {
    const locked = run(start(), { type: 'move', by: 2 }, { type: 'open' }).state;
    expect(run(locked, { type: 'progress', progress: empty }).state.notice).toBeDefined();
    expect(run(locked, { type: 'move', by: 1 }).state.notice).toBeUndefined();
  });
});
