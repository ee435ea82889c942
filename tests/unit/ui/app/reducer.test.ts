import { describe, expect, it } from 'vitest';
import type { TaskResult } from '../../../../src/engine/types.js';
import type { WorkspaceProgress } from '../../../../src/progress/types.js';
import { taskState } from '../../../../src/progress/unlock.js';
import { keyName } from '../../../../src/ui/app/bindings.js';
import { actionFor, footerItems, helpRows, keymap } from '../../../../src/ui/app/keymap.js';
import { reduce } from '../../../../src/ui/app/reducer.js';
import {
  type Action,
  initialState,
  type UiState,
  type Update,
  type View,
} from '../../../../src/ui/app/state.js';
import { affects } from '../../../../src/ui/task/select.js';
import { fakeCourse, taskResult } from '../../../helpers/fake-services.js';

const course = fakeCourse();
const empty: WorkspaceProgress = { tasks: {} };
const passedSigmoid: WorkspaceProgress = {
  tasks: {
    sigmoid: {
      attempts: 1,
      lastStatus: 'pass',
      firstPassedAt: '2026-01-01T00:00:00.000Z',
      hintsShown: 0,
    },
  },
};
const view: View = { page: 10, maxScroll: 30, overlayPage: 5, overlayMax: 3, tooSmall: false };

function start(progress: WorkspaceProgress = empty, firstLaunch = false): UiState {
  return initialState(course, progress, firstLaunch);
}

/** Applies actions in turn; returns the last update and every effect asked for on the way. */
function run(state: UiState, ...actions: Action[]): Update & { all: Update['effects'] } {
  let update: Update = { state, effects: [] };
  const all: Update['effects'][number][] = [];
  for (const action of actions) {
    update = reduce(update.state, action, course);
    all.push(...update.effects);
  }
  return { ...update, all };
}

function onTask(id: string, progress: WorkspaceProgress = empty): UiState {
  return {
    ...start(progress),
    screen: { screen: 'task', id },
    cursor: course.lessons.findIndex((lesson) => lesson.id === id),
  };
}

function finished(
  taskId: string,
  runId: number,
  result: TaskResult,
  progress?: WorkspaceProgress,
): Action {
  return {
    type: 'check-finished',
    taskId,
    runId,
    result,
    at: 0,
    ...(progress ? { progress } : {}),
  };
}

describe('initialState', () => {
  it('welcomes a first launch and resumes on the map at the last lesson otherwise', () => {
    expect(start(empty, true).screen).toEqual({ screen: 'welcome' });
    const resumed = start({ lastLesson: 'bce-loss', tasks: {} });
    expect(resumed.screen).toEqual({ screen: 'map' });
    expect(course.lessons[resumed.cursor]?.id).toBe('bce-loss');
    expect(start({ lastLesson: 'gone-from-the-course', tasks: {} }).cursor).toBe(0);
  });
});

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

  it('clears a notice on the next key, not on an answer from the services', () => {
    const locked = run(start(), { type: 'move', by: 2 }, { type: 'open' }).state;
    expect(run(locked, { type: 'progress', progress: empty }).state.notice).toBeDefined();
    expect(run(locked, { type: 'move', by: 1 }).state.notice).toBeUndefined();
  });
});

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
