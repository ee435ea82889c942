// The task screen's slice: checks and saves, hints, the solution, next, the editor, scrolling.
import { describe, expect, it } from 'vitest';
import type { WorkspaceProgress } from '../../../../src/progress/types.js';
import { taskState } from '../../../../src/progress/unlock.js';
import { actionFor } from '../../../../src/ui/app/keymap.js';
import { affects } from '../../../../src/ui/task/select.js';
import { taskResult } from '../../../helpers/fake-services.js';
import {
  course,
  finished,
  onTask,
  passedSigmoid,
  run,
  start,
  view,
} from '../../../helpers/ui-state.js';

describe('reduce: checks', () => {
  it('checks on a save of the task file, lab.ts or an earlier task file, not a later task file', () => {
    const state = onTask('bce-loss', passedSigmoid);
    expect(run(state, { type: 'files-saved', files: ['02-bce-loss.ts'] }).effects).toEqual([
      { type: 'check', taskId: 'bce-loss' },
    ]);
    expect(run(state, { type: 'files-saved', files: ['lab.ts'] }).effects).toHaveLength(1);
    expect(run(state, { type: 'files-saved', files: ['01-sigmoid.ts'] }).effects).toHaveLength(1);
    expect(run(state, { type: 'files-saved', files: ['03-loss-and-grad.ts'] }).effects).toEqual([]);
    expect(run(start(), { type: 'files-saved', files: ['01-sigmoid.ts'] }).effects).toEqual([]);
  });

  it('keeps the result of the newest run only', () => {
    const state = onTask('sigmoid');
    const fail = taskResult(course, 'sigmoid', 'fail', {
      failing: { 'no NaN': { message: 'got NaN' } },
    });
    const update = run(
      state,
      { type: 'check-started', taskId: 'sigmoid', runId: 1, at: 0 },
      { type: 'check-started', taskId: 'sigmoid', runId: 2, at: 0 },
      finished('sigmoid', 1, taskResult(course, 'sigmoid', 'pass')),
    );
    expect(update.state.runs.sigmoid?.running?.runId).toBe(2);
    expect(update.state.runs.sigmoid?.last).toBeUndefined();
    const after = run(update.state, finished('sigmoid', 2, fail), {
      type: 'check-cancelled',
      taskId: 'sigmoid',
      runId: 1,
    });
    expect(after.state.runs.sigmoid?.last?.result).toBe(fail);
    expect(after.state.runs.sigmoid?.running).toBeUndefined();
    expect(after.state.runs.sigmoid?.cancelled).toBe(false);
  });

  it('marks a cancelled run, and asks the runner to cancel on Esc', () => {
    const running = run(onTask('sigmoid'), {
      type: 'check-started',
      taskId: 'sigmoid',
      runId: 3,
      at: 0,
    }).state;
    expect(actionFor(running, 'esc', view, course)).toEqual({ type: 'cancel' });
    expect(run(running, { type: 'cancel' }).effects).toEqual([{ type: 'cancel-check' }]);
    const cancelled = run(running, { type: 'check-cancelled', taskId: 'sigmoid', runId: 3 }).state;
    expect(cancelled.runs.sigmoid).toMatchObject({ running: undefined, cancelled: true });
  });

  it('celebrates a first pass on the task screen, and not a pass that is not the first', () => {
    const first = run(
      onTask('sigmoid'),
      { type: 'check-started', taskId: 'sigmoid', runId: 1, at: 0 },
      finished('sigmoid', 1, taskResult(course, 'sigmoid', 'pass'), passedSigmoid),
    );
    expect(first.state.celebrating).toBe('sigmoid');
    expect(first.state.progress).toBe(passedSigmoid);
    const again = run(
      onTask('sigmoid', passedSigmoid),
      finished('sigmoid', 1, taskResult(course, 'sigmoid', 'pass'), passedSigmoid),
    );
    expect(again.state.celebrating).toBeUndefined();
  });

  it('shows a task that passed once and fails now as regressed, and relocks nothing', () => {
    const regressed: WorkspaceProgress = {
      tasks: {
        sigmoid: { ...passedSigmoid.tasks.sigmoid, attempts: 2, lastStatus: 'fail', hintsShown: 0 },
      },
    };
    const sigmoid = course.tasks[0];
    const bce = course.tasks[1];
    if (!sigmoid || !bce) throw new Error('fake course changed');
    expect(taskState(course, regressed, sigmoid)).toBe('regressed');
    expect(taskState(course, regressed, bce)).toBe('open');
  });

  it('records a failure of the tutor itself apart from the verdict', () => {
    const update = run(
      onTask('sigmoid'),
      { type: 'check-started', taskId: 'sigmoid', runId: 1, at: 0 },
      { type: 'check-failed', taskId: 'sigmoid', runId: 1, message: 'worker died' },
    );
    expect(update.state.runs.sigmoid).toMatchObject({ running: undefined, error: 'worker died' });
  });
});

describe('reduce: hints, solution, next, editor, quit', () => {
  it("offers the failing check's own hint first, then the staged hints, counting only those", () => {
    const failing = run(
      onTask('sigmoid'),
      finished(
        'sigmoid',
        0,
        taskResult(course, 'sigmoid', 'fail', { failing: { 'no NaN': { message: 'NaN' } } }),
      ),
    ).state;
    const first = run(failing, { type: 'hint' });
    expect(first.state.overlay).toEqual({ kind: 'hint', taskId: 'sigmoid' });
    expect(first.state.checkHintShown).toEqual({ sigmoid: 'no NaN' });
    expect(first.effects).toEqual([]);
    expect(run(first.state, { type: 'hint' }).effects).toEqual([
      { type: 'record-hint', taskId: 'sigmoid' },
    ]);
  });

  it("uses a named mistake's hint when the check has none of its own", () => {
    const failing = run(
      onTask('sigmoid'),
      finished(
        'sigmoid',
        0,
        taskResult(course, 'sigmoid', 'fail', {
          failing: { tails: { message: 'Infinity', mistake: 'overflow' } },
        }),
      ),
    ).state;
    expect(run(failing, { type: 'hint' }).state.checkHintShown).toEqual({ sigmoid: 'tails' });
  });

  it('stops counting when every staged hint has been shown', () => {
    const allShown: WorkspaceProgress = { tasks: { sigmoid: { attempts: 0, hintsShown: 2 } } };
    const update = run(onTask('sigmoid', allShown), { type: 'hint' });
    expect(update.state.overlay).toEqual({ kind: 'hint', taskId: 'sigmoid' });
    expect(update.effects).toEqual([]);
  });

  it('shows the reference solution only after a pass', () => {
    const before = run(onTask('sigmoid'), { type: 'solution' });
    expect(before.state.overlay).toBeUndefined();
    expect(before.state.notice).toMatch(/once your checks pass/);
    expect(run(onTask('sigmoid', passedSigmoid), { type: 'solution' }).state.overlay).toEqual({
      kind: 'solution',
      taskId: 'sigmoid',
    });
  });

  it('goes to the next task when it is open, and says why not otherwise', () => {
    expect(run(onTask('sigmoid'), { type: 'next' }).state.notice).toBe(
      'Stable loss is locked: complete sigmoid first.',
    );
    const next = run(onTask('sigmoid', passedSigmoid), { type: 'next' });
    expect(next.state.screen).toEqual({ screen: 'task', id: 'bce-loss' });
    expect(next.effects).toContainEqual({ type: 'set-last-lesson', lessonId: 'bce-loss' });
    expect(
      run({ ...start(), screen: { screen: 'intro', id: 'dataset' } }, { type: 'next' }).state
        .screen,
    ).toEqual({ screen: 'task', id: 'sigmoid' });
    const all: WorkspaceProgress = {
      tasks: Object.fromEntries(
        course.tasks.map((task) => [
          task.id,
          { attempts: 1, lastStatus: 'pass' as const, firstPassedAt: 'x', hintsShown: 0 },
        ]),
      ),
    };
    expect(run(onTask('newton-step', all), { type: 'next' }).state.notice).toMatch(/last task/);
  });

  it('closes an overlay before leaving the screen', () => {
    const withHelp = run(onTask('sigmoid'), { type: 'help' }).state;
    const closed = run(withHelp, { type: 'back' }).state;
    expect(closed.overlay).toBeUndefined();
    expect(closed.screen).toEqual({ screen: 'task', id: 'sigmoid' });
    expect(run(closed, { type: 'back' }).state.screen).toEqual({ screen: 'map' });
  });

  it('hands the file to the editor and checks it when the editor closes', () => {
    const editing = run(onTask('sigmoid'), { type: 'edit' });
    expect(editing.state.editing).toBe('01-sigmoid.ts');
    expect(editing.effects).toEqual([{ type: 'open-editor', file: '01-sigmoid.ts' }]);
    const back = run(editing.state, { type: 'editor-closed', error: 'No editor found' });
    expect(back.state.editing).toBeUndefined();
    expect(back.state.notice).toBe('No editor found');
    expect(back.effects).toEqual([{ type: 'check', taskId: 'sigmoid' }]);
  });

  it('cancels any check and exits on quit', () => {
    expect(run(onTask('sigmoid'), { type: 'quit' }).effects).toEqual([
      { type: 'cancel-check' },
      { type: 'exit' },
    ]);
  });

  it('scrolls within the text, or within the checks when they are alone on screen', () => {
    const state = onTask('sigmoid');
    expect(run(state, { type: 'scroll', by: 5, max: 30 }).state.scroll).toBe(5);
    expect(run(state, { type: 'scroll', by: 50, max: 30 }).state.scroll).toBe(30);
    expect(run(state, { type: 'scroll', by: -5, max: 30 }).state.scroll).toBe(0);
    const checks = run(state, { type: 'cycle-pane' }).state;
    expect(checks.pane).toBe('checks');
    const scrolled = run(checks, { type: 'scroll', by: 3, max: 10 }).state;
    expect([scrolled.checksScroll, scrolled.scroll]).toEqual([3, 0]);
    expect(run(scrolled, { type: 'cycle-pane' }).state).toMatchObject({
      pane: 'lesson',
      checksScroll: 0,
    });
    expect(run(scrolled, { type: 'cycle-pane' }, { type: 'cycle-pane' }).state.pane).toBe('both');
  });

  it('opens the next task with the lesson and the checks both on screen, whatever t chose before', () => {
    const checksOnly = run(onTask('sigmoid', passedSigmoid), { type: 'cycle-pane' }).state;
    expect(checksOnly.pane).toBe('checks');
    const next = run(checksOnly, { type: 'next' }).state;
    expect(next.screen).toEqual({ screen: 'task', id: course.tasks[1]?.id });
    expect(next.pane).toBe('both');
    const fromMap = run(checksOnly, { type: 'back' }, { type: 'move', by: 1 }, { type: 'open' });
    expect(fromMap.state.screen).toEqual({ screen: 'task', id: course.tasks[1]?.id });
    expect(fromMap.state.pane).toBe('both');
  });
});

describe('affects', () => {
  it('says which saves can change a verdict', () => {
    const [sigmoid, bce] = course.tasks;
    if (!sigmoid || !bce) throw new Error('fake course changed');
    expect(affects(course, sigmoid, '01-sigmoid.ts')).toBe(true);
    expect(affects(course, sigmoid, 'helpers.ts')).toBe(true);
    expect(affects(course, sigmoid, '02-bce-loss.ts')).toBe(false);
    expect(affects(course, bce, '01-sigmoid.ts')).toBe(true);
  });
});
