// What each screen shows, as rows, fitted to the terminal: the screens draw these, and the
// keymap pages by the same measures. Pure functions of the state, the course and the size.

import { makeData } from '../engine/datasets.js';
import { type Diagnostic, statusWords, type TaskResult } from '../engine/types.js';
import { taskVerdict } from '../engine/verdict.js';
import type { Course, IntroLesson, TaskLesson } from '../lessons/types.js';
import { allQuestions, isAnswered } from '../progress/answers.js';
import { taskState } from '../progress/unlock.js';
import type { View } from './app/bindings.js';
import { findLesson, findTask, hasPassed, nextTask } from './app/course.js';
import { footerLines } from './app/footer-lines.js';
import { footerItems, helpRows } from './app/keymap.js';
import type { UiState } from './app/state.js';
import { lessonRows } from './lesson-text.js';
import { taskHasPlots } from './plots/reducer.js';
import { blank, type Row, row, rowText } from './rows.js';
import { runRows } from './run/rows.js';
import { failingCheckHint } from './task/select.js';
import type { Pane, TaskRun } from './task/state.js';
import { plural, textWidth, truncate, wrapText } from './text.js';

export interface Size {
  readonly columns: number;
  readonly rows: number;
}

/** The smallest terminal the screens are laid out for. */
export const minimumSize: Size = { columns: 80, rows: 24 };

export function isTooSmall(size: Size): boolean {
  return size.columns < minimumSize.columns || size.rows < minimumSize.rows;
}

/**
 * Rows the frame takes: one less than the terminal, because a frame as tall as the terminal
 * makes Ink clear the whole screen on every redraw (it flickers).
 */
export function frameHeight(size: Size): number {
  return Math.max(1, size.rows - 1);
}

// Lesson text keeps at least this many rows beside the checks; `t` shows either alone.
const minTextRows = 4;
// Console output shown under the checks beside the lesson, and with the checks alone; the rest
// is counted.
const outputRows = 4;
const outputRowsAlone = 20;
const typeErrorRows = 3;

/** The task screen, fitted. */
export interface TaskLayout {
  readonly pane: Pane;
  /** The whole lesson text, the rows of it shown (0 with the checks alone) and the first one. */
  readonly text: readonly string[];
  readonly textHeight: number;
  readonly scroll: number;
  /** The result rows shown, already cut to fit. */
  readonly results: readonly Row[];
  /** What the rule under the scrolling part says (the scroll position), if anything. */
  readonly note: string | undefined;
  /** For the keymap: rows per page of the scrolling part, and its largest offset. */
  readonly page: number;
  readonly maxScroll: number;
  /** Rows of the body (between header and status line): where an overlay goes. */
  readonly bodyHeight: number;
}

/** The intro (section 0) screen, fitted. */
export interface IntroLayout {
  readonly datasets: readonly Row[];
  readonly text: readonly string[];
  readonly textHeight: number;
  readonly scroll: number;
  readonly bodyHeight: number;
}

/** An overlay's title and rows, and how many fit. */
export interface OverlayLayout {
  readonly kind: 'help' | 'hint' | 'solution' | 'run';
  readonly title: string;
  readonly rows: readonly Row[];
  /** Height of the panel, border included. */
  readonly height: number;
  readonly scroll: number;
  /** Rows shown under the panel: the checks, beside the hints about them. */
  readonly beneath: readonly Row[];
}

/** Rows of a screen: the frame less the footer and, when there is one, the notice. */
export function screenHeight(state: UiState, size: Size, footerHeight: number): number {
  return frameHeight(size) - footerHeight - (state.notice ? 1 : 0);
}

/**
 * Rows of lesson text kept beside the checks. Before the first verdict the lesson is what the
 * student reads: it keeps most of a small body (a dozen rows at most), and the list of checks to
 * come is cut. Once there is a verdict, the verdict comes first and the lesson keeps a few rows.
 */
export function lessonRowsBesideChecks(bodyHeight: number, checked: boolean): number {
  if (checked) return minTextRows;
  return Math.max(minTextRows, Math.min(12, Math.ceil(0.6 * (bodyHeight - 1))));
}

/** The task screen fitted to `width` and the rows its two header rows and status line leave. */
export function taskLayout(
  state: UiState,
  course: Course,
  task: TaskLesson,
  width: number,
  screen: number,
): TaskLayout {
  const bodyHeight = screen - 3;
  const text = lessonRows(task.text, width - 2);
  const run = state.runs[task.id];
  const pane = state.pane;
  // Every pane ends its scrolling part with a rule that says where it is.
  if (pane === 'checks') {
    const all = resultRows(state, course, task, run, width, outputRowsAlone);
    const visible = Math.max(1, bodyHeight - 1);
    const maxScroll = Math.max(0, all.length - visible);
    const scroll = Math.min(state.checksScroll, maxScroll);
    const below = all.length - scroll - visible;
    const note =
      below > 0
        ? `↓ ${plural(below, 'more row')} · ↑↓ PgUp PgDn`
        : scroll > 0
          ? 'end of the checks'
          : undefined;
    return {
      pane,
      text,
      textHeight: 0,
      scroll: state.scroll,
      results: all.slice(scroll, scroll + visible),
      note,
      page: visible,
      maxScroll,
      bodyHeight,
    };
  }
  let results =
    pane === 'lesson' ? [summaryRow(task, run)] : resultRows(state, course, task, run, width);
  // The starter's TODO is no verdict to read yet: the lesson is.
  const checked =
    (run?.last !== undefined && !run.last.result.notImplemented) || run?.error !== undefined;
  const room = Math.max(1, bodyHeight - 1 - lessonRowsBesideChecks(bodyHeight, checked));
  if (results.length > room) {
    const hidden = results.length - room + 1;
    results = [
      ...results.slice(0, room - 1),
      row({ text: `… ${plural(hidden, 'more row')}: t shows the checks alone`, dim: true }),
    ];
  }
  const textHeight = Math.max(1, bodyHeight - 1 - results.length);
  const maxScroll = Math.max(0, text.length - textHeight);
  const scroll = Math.min(state.scroll, maxScroll);
  const below = text.length - scroll - textHeight;
  const note =
    below > 0
      ? `↓ ${plural(below, 'more row')} · ↑↓ PgUp PgDn`
      : scroll > 0
        ? 'end of the lesson'
        : undefined;
  return { pane, text, textHeight, scroll, results, note, page: textHeight, maxScroll, bodyHeight };
}

/** Section 0 fitted to `width` and the rows its title row leaves. */
export function introLayout(
  state: UiState,
  lesson: IntroLesson,
  width: number,
  screen: number,
): IntroLayout {
  const bodyHeight = screen - 1;
  const datasets = datasetRows();
  const text = lessonRows(lesson.text, width - 2);
  // Two rules: under the datasets and under the text.
  const textHeight = Math.max(1, bodyHeight - datasets.length - 2);
  const scroll = Math.min(state.scroll, Math.max(0, text.length - textHeight));
  return { datasets, text, textHeight, scroll, bodyHeight };
}

/** The overlay over a body `height` rows tall (its border takes two, its title one). */
export function overlayLayout(
  state: UiState,
  course: Course,
  width: number,
  height: number,
  /** For the hints: the task's result rows, shown under the panel when there is room. */
  results: readonly Row[] = [],
): OverlayLayout | undefined {
  const overlay = state.overlay;
  // The plots are no panel of rows: app/App.tsx draws them in the task's body (plots/PlotsView).
  if (!overlay || overlay.kind === 'plots') return undefined;
  const inner = width - 4;
  let title: string;
  let rows: Row[];
  if (overlay.kind === 'help') {
    title = 'Keys';
    rows = helpOverlayRows(state, inner);
  } else {
    const task = findTask(course, overlay.taskId);
    if (!task) return undefined;
    if (overlay.kind === 'hint') {
      title = `Hints for ${task.title}`;
      rows = hintRows(state, task, inner);
    } else if (overlay.kind === 'run') {
      title = `The notebook's cell on your ${task.file}, with the tutor's data`;
      rows = runRows(task, state.cells?.[task.id], inner);
    } else {
      title = `Reference solution of ${task.file}: compare it with yours`;
      rows = lessonRows(`\`\`\`ts\n${task.solution.trimEnd()}\n\`\`\``, inner).map((line) =>
        row(line),
      );
    }
  }
  // The hints take the room they need, so the failing check stays in sight beneath them.
  let panel = height;
  let beneath: readonly Row[] = [];
  if (overlay.kind === 'hint' && results.length > 0) {
    const fit = Math.max(6, rows.length + 3);
    if (height - fit >= 3) {
      panel = fit;
      beneath =
        results.length > height - fit
          ? [...results.slice(0, height - fit - 1), row({ text: '…', dim: true })]
          : results;
    }
  }
  // The solution is as tall as its code: a box padded to the screen's height reads as more to come.
  if (overlay.kind === 'solution') panel = Math.min(height, rows.length + 3);
  const visible = Math.max(1, panel - 3);
  const scroll = Math.min(state.overlayScroll, Math.max(0, rows.length - visible));
  return { kind: overlay.kind, title, rows, height: panel, scroll, beneath };
}

/** Everything a frame shows, fitted to the terminal, and the measures the keymap pages by. */
export interface FrameModel {
  readonly view: View;
  /** The footer's lines of keys (one or two). */
  readonly footer: readonly (readonly string[])[];
  /** Rows of the screen: the frame less the footer and the notice. */
  readonly screenHeight: number;
  readonly task?: { readonly lesson: TaskLesson; readonly layout: TaskLayout };
  readonly intro?: { readonly lesson: IntroLesson; readonly layout: IntroLayout };
  readonly overlay?: OverlayLayout;
}

export function frameModel(state: UiState, course: Course, size: Size): FrameModel {
  const tooSmall = isTooSmall(size);
  const footer = footerLines(footerItems(state, { tooSmall }, course), size.columns);
  const screen = screenHeight(state, size, footer.length);
  const lesson =
    state.screen.screen === 'task' || state.screen.screen === 'intro'
      ? findLesson(course, state.screen.id)
      : undefined;
  const task =
    lesson?.kind === 'task'
      ? { lesson, layout: taskLayout(state, course, lesson, size.columns, screen) }
      : undefined;
  const intro =
    lesson?.kind === 'intro'
      ? { lesson, layout: introLayout(state, lesson, size.columns, screen) }
      : undefined;
  const text = task
    ? { page: task.layout.page, maxScroll: task.layout.maxScroll }
    : intro
      ? {
          page: intro.layout.textHeight,
          maxScroll: Math.max(0, intro.layout.text.length - intro.layout.textHeight),
        }
      : undefined;
  // Over a task, an overlay takes the body; elsewhere, the whole screen.
  const overlay = overlayLayout(
    state,
    course,
    size.columns,
    task ? task.layout.bodyHeight : screen,
    task && state.overlay?.kind === 'hint'
      ? resultRows(state, course, task.lesson, state.runs[task.lesson.id], size.columns)
      : [],
  );
  const overlayPage = overlay ? Math.max(1, overlay.height - 3) : 1;
  const view: View = {
    page: text?.page ?? 1,
    maxScroll: text?.maxScroll ?? 0,
    overlayPage,
    overlayMax: overlay ? Math.max(0, overlay.rows.length - overlayPage) : 0,
    tooSmall,
  };
  return {
    view,
    footer,
    screenHeight: screen,
    ...(task ? { task } : {}),
    ...(intro ? { intro } : {}),
    ...(overlay ? { overlay } : {}),
  };
}

// --- the task's results -----------------------------------------------------------------------

/** One row saying how the last check went (the lesson alone on screen). */
function summaryRow(task: TaskLesson, run: TaskRun | undefined): Row {
  const result = run?.last?.result;
  if (!result) return row({ text: '○ not checked yet · t shows lesson and checks', dim: true });
  const passed = result.checks.filter((check) => check.passed).length;
  if (result.status === 'pass')
    return row(
      { text: `✓ all ${result.checks.length} checks pass`, color: 'green' },
      { text: ' · t shows lesson and checks', dim: true },
    );
  const words =
    result.status === 'fail'
      ? `${passed}/${result.checks.length} checks pass`
      : `${task.file} ${statusWords[result.status]}`;
  return row(
    { text: `✗ ${words}`, color: 'red' },
    { text: ' · t shows lesson and checks', dim: true },
  );
}

/** Everything under the lesson text: the verdict, the checks, type errors, the student's output. */
export function resultRows(
  state: UiState,
  course: Course,
  task: TaskLesson,
  run: TaskRun | undefined,
  width: number,
  outputLimit = outputRows,
): Row[] {
  const rows: Row[] = [];
  if (run?.error) {
    rows.push(row({ text: '✗ The tutor failed to run the checks: ', color: 'red', bold: true }));
    for (const line of wrapText(
      `${run.error} Press r to try again; if it keeps failing, please report it.`,
      width,
      2,
    ))
      rows.push(row(line));
    return rows;
  }
  const result = run?.last?.result;
  if (!result) {
    if (!run?.running)
      rows.push(
        row({
          text: `Not checked yet: save ${task.file} (or press r) and these checks run:`,
          dim: true,
        }),
      );
    for (const check of task.checks)
      rows.push(row({ text: `  ○ ${truncate(check.name, width - 4)}`, dim: true }));
    return rows;
  }

  if (result.status === 'pass') rows.push(...passRows(state, course, task, result, width));
  else rows.push(...verdictRows(task, result, width));

  const typeErrors = run?.typeErrors ?? [];
  if (typeErrors.length > 0) {
    // Only a pass or a fail ran every check; a file that does not compile ran none.
    const ran = result.status === 'pass' || result.status === 'fail';
    rows.push(
      row({
        text: `⚠ ${plural(typeErrors.length, 'type error')}${ran ? ' (the checks ran anyway)' : ''}:`,
        color: 'yellow',
      }),
    );
    for (const diagnostic of typeErrors.slice(0, typeErrorRows))
      rows.push(
        row({ text: `  ${truncate(diagnosticText(diagnostic), width - 2)}`, color: 'yellow' }),
      );
    if (typeErrors.length > typeErrorRows)
      rows.push(row({ text: `  … ${typeErrors.length - typeErrorRows} more`, dim: true }));
  }
  rows.push(...consoleRows(result, width, outputLimit));
  return rows;
}

function passRows(
  state: UiState,
  course: Course,
  task: TaskLesson,
  result: TaskResult,
  width: number,
): Row[] {
  const total = plural(result.checks.length, 'check');
  const inner = width - 4;
  const body: Row[] = [
    row({ text: `All ${total} pass: ${task.title} is done.`, bold: true }),
    ...wrapText(`You learned: ${task.learned}`, inner).map((line) => row(line)),
    ...nextStepRows(course, state, task, inner),
    ...(taskHasPlots(task.id)
      ? [row({ text: 'p shows your plots, drawn from your own code.', color: 'cyan' })]
      : []),
    row({ text: 's shows the reference solution, to compare it with yours.', dim: true }),
  ];
  if (state.celebrating === task.id) return boxRows('✓ Passed!', body, width, 'green');
  return [
    row({ text: `✓ All ${total} pass.`, color: 'green', bold: true }),
    ...body.slice(1).map((line) => row({ text: '  ' }, ...line)),
  ];
}

/** Rows framed in a rounded box across the screen, with a title in its top edge. */
function boxRows(title: string, body: readonly Row[], width: number, color: string): Row[] {
  const edge = (text: string) => ({ text, color });
  const top = `╭─ ${title} ${'─'.repeat(Math.max(0, width - textWidth(title) - 5))}╮`;
  return [
    row({ text: top, color, bold: true }),
    ...body.map((line) =>
      row(
        edge('│ '),
        ...line,
        { text: ' '.repeat(Math.max(0, width - 4 - textWidth(rowText(line)))) },
        edge(' │'),
      ),
    ),
    row(edge(`╰${'─'.repeat(width - 2)}╯`)),
  ];
}

/** The pass banner's way on: the next task, now open, or the end of the lab, wrapped. */
export function nextStepRows(
  course: Course,
  state: UiState,
  task: TaskLesson,
  width: number,
): Row[] {
  const green = (text: string) =>
    wrapText(text, width).map((line) => row({ text: line, color: 'green' }));
  const following = nextTask(course, task);
  if (!following) return green('That was the last task: the lab is complete!');
  const open = taskState(course, state.progress, following) !== 'locked';
  const what = `${following.bonus ? 'the bonus, ' : ''}${following.title} (${following.file})`;
  // Passing opens the next task only once this task's questions are answered too.
  const context = allQuestions(course.tasks);
  const unanswered = task.questions.filter(
    (question) => !isAnswered(state.progress, question, context),
  );
  if (!open && unanswered.length > 0)
    return green(
      `Next: a answers ${unanswered.length === 1 ? 'the question' : `the ${unanswered.length} questions`}; then n opens ${what}.`,
    );
  return green(open ? `Next: n opens ${what}, now unlocked.` : `Next: ${what}.`);
}

function verdictRows(task: TaskLesson, result: TaskResult, width: number): Row[] {
  const rows: Row[] = [];
  const passed = result.checks.filter((check) => check.passed).length;
  if (result.notImplemented) {
    rows.push(
      row(
        { text: '○ Not started: ', color: 'cyan', bold: true },
        `${task.file} still throws the starter's TODO error.`,
      ),
    );
    rows.push(row({ text: '  Replace that line with your code and save.', dim: true }));
    for (const check of result.checks)
      rows.push(row({ text: `  ○ ${truncate(check.name, width - 4)}`, dim: true }));
    return rows;
  }
  if ((result as { missingFile?: boolean }).missingFile) {
    rows.push(
      row({ text: `✗ ${task.file} is missing from the workspace`, color: 'red', bold: true }),
    );
    rows.push(
      row('  Deleted or renamed? Press R to restore its starter (nothing is overwritten).'),
    );
    return rows;
  }
  if (result.status === 'compile-error') {
    rows.push(row({ text: `✗ ${task.file} does not compile:`, color: 'red', bold: true }));
    for (const diagnostic of result.diagnostics.slice(0, 3))
      rows.push(...diagnosticRows(diagnostic, width));
    rows.push(
      row({
        text: `  ${plural(result.checks.length, 'check')} not run until it compiles.`,
        dim: true,
      }),
    );
    return rows;
  }
  if (result.status === 'fail') {
    rows.push(
      row({ text: `✗ ${passed}/${result.checks.length} checks pass`, color: 'red', bold: true }),
    );
  } else {
    rows.push(
      row({ text: `✗ ${task.file} ${statusWords[result.status]}:`, color: 'red', bold: true }),
    );
    for (const line of wrapText(result.error ?? '', width, 2)) rows.push(row(line));
  }
  // Every check, failures first and the most telling of them first, each failure in full: the
  // same content as `check` prints, scrolled with the rest of the pane.
  for (const check of taskVerdict(result).checks) {
    if (check.mark === '✓') {
      rows.push(row({ text: '  ✓ ', color: 'green' }, truncate(check.name, width - 4)));
    } else if (check.mark === '·') {
      rows.push(row({ text: `  · ${truncate(`${check.name} (not run)`, width - 4)}`, dim: true }));
    } else {
      rows.push(
        row({ text: '  ✗ ', color: 'red' }, { text: truncate(check.name, width - 4), bold: true }),
      );
      for (const line of wrapText(check.details.join('\n'), width, 6)) rows.push(row(line));
    }
  }
  return rows;
}

function diagnosticText(diagnostic: Diagnostic): string {
  return `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.message.split('\n')[0] ?? ''}`;
}

function diagnosticRows(diagnostic: Diagnostic, width: number): Row[] {
  const rows: Row[] = wrapText(diagnosticText(diagnostic), width, 2).map((line) => row(line));
  if (diagnostic.lineText) {
    const gutter = `    ${diagnostic.line} │ `;
    rows.push(
      row({ text: gutter, dim: true }, truncate(diagnostic.lineText, width - gutter.length)),
    );
    rows.push(
      row(' '.repeat(gutter.length + Math.max(0, diagnostic.column - 1)), {
        text: '^',
        color: 'red',
      }),
    );
  }
  return rows;
}

function consoleRows(result: TaskResult, width: number, limit: number): Row[] {
  const text = result.output.text.replace(/\n$/, '');
  if (text === '' && result.output.droppedBytes === 0) return [];
  const lines = text.split('\n');
  const rows: Row[] = [row({ text: `Your output (console.log):`, dim: true })];
  for (const line of lines.slice(0, limit))
    rows.push(row({ text: '  │ ', dim: true }, truncate(line, width - 4)));
  const more = [
    lines.length > limit ? `${plural(lines.length - limit, 'more line')}` : '',
    result.output.droppedBytes > 0 ? `${result.output.droppedBytes} bytes dropped` : '',
  ].filter(Boolean);
  if (more.length > 0) rows.push(row({ text: `  … ${more.join(', ')}`, dim: true }));
  return rows;
}

// --- overlays ---------------------------------------------------------------------------------

function helpOverlayRows(state: UiState, width: number): Row[] {
  const rows = helpRows(state);
  // A long list of keys (the scrolling group) wraps rather than pushing every description right.
  const keysWidth = Math.min(14, Math.max(...rows.map((entry) => entry.keys.length)) + 2);
  return [
    ...rows.flatMap((entry) =>
      entry.keys.length >= keysWidth
        ? [
            row({ text: entry.keys, bold: true }),
            ...wrapText(entry.help, width - keysWidth).map((line) =>
              row(' '.repeat(keysWidth), line),
            ),
          ]
        : wrapText(entry.help, width - keysWidth).map((line, index) =>
            row({ text: (index === 0 ? entry.keys : '').padEnd(keysWidth), bold: true }, line),
          ),
    ),
    blank,
    row({
      text: 'Saving the file, or a workspace file it imports, checks it again by itself.',
      dim: true,
    }),
  ];
}

function hintRows(state: UiState, task: TaskLesson, width: number): Row[] {
  const rows: Row[] = [];
  const own = failingCheckHint(task, state.runs[task.id]);
  if (own && state.checkHintShown[task.id] === own.check.name) {
    rows.push(
      row({ text: `For the failing check “${own.check.name}”:`, bold: true, color: 'yellow' }),
    );
    for (const line of lessonRows(own.hint, width - 2)) rows.push(row('  ', line));
    rows.push(blank);
  }
  const shown = Math.min(state.progress.tasks[task.id]?.hintsShown ?? 0, task.hints.length);
  task.hints.slice(0, shown).forEach((hint, index) => {
    rows.push(row({ text: `Hint ${index + 1} of ${task.hints.length}`, bold: true }));
    for (const line of lessonRows(hint, width - 2)) rows.push(row('  ', line));
    rows.push(blank);
  });
  if (shown >= task.hints.length) {
    const last =
      'That was the last hint. Reread the failing check: it says what was tried and what came back.';
    for (const line of wrapText(last, width)) rows.push(row({ text: line, dim: true }));
  } else if (rows.length === 0) {
    rows.push(row({ text: 'Press h for the first hint.', dim: true }));
  }
  return rows;
}

// --- section 0 --------------------------------------------------------------------------------

let datasetCache: Row[] | undefined;

/** Shape, class balance and recipe of the two synthetic datasets, as the checks make them. */
export function datasetRows(): Row[] {
  if (datasetCache) return datasetCache;
  const describe = (separable: boolean) => {
    const data = makeData({ separable });
    const ones = data.y.filter((label) => label === 1).length;
    const share = ((100 * ones) / data.y.length).toFixed(1);
    return {
      shape: `${data.X.length}×${data.X[0]?.length ?? 0}`,
      balance: `${ones} (${share}%)`,
      wTrue: data.wTrue,
    };
  };
  const noisy = describe(false);
  const clean = describe(true);
  const columns = (name: string, shape: string, balance: string, how: string) =>
    `${name.padEnd(14)}${shape.padEnd(7)}${balance.padEnd(13)}${how}`;
  datasetCache = [
    row({ text: columns('dataset', 'X', 'y = 1', 'how y was made'), bold: true }),
    row(
      columns(
        'non-separable',
        noisy.shape,
        noisy.balance,
        'z = X·w_true + 0.5·ε, y ~ Bernoulli(σ(z))',
      ),
    ),
    row(columns('separable', clean.shape, clean.balance, 'y = 1 where X·w_true > 0, else 0')),
    row({
      text: `X, w_true, ε ~ N(0, 1), seed 0 · w_true = [${noisy.wTrue.map((w) => w.toFixed(2).replace('-', '−')).join(', ')}]`,
      dim: true,
    }),
  ];
  return datasetCache;
}

/** The map's progress: tasks passed, the bonus apart. */
export function progressCounts(
  state: UiState,
  course: Course,
): { passed: number; total: number; bonusPassed: number; bonusTotal: number } {
  const main = course.tasks.filter((task) => !task.bonus);
  const bonus = course.tasks.filter((task) => task.bonus);
  return {
    passed: main.filter((task) => hasPassed(state, task.id)).length,
    total: main.length,
    bonusPassed: bonus.filter((task) => hasPassed(state, task.id)).length,
    bonusTotal: bonus.length,
  };
}
