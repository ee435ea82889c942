// The task screen fitted to the terminal: how many rows the lesson and the verdict get in each
// pane (`t`), where each is scrolled to, and what the rule between them says.

import { taskVerdict } from '../../engine/verdict.js';
import type { Course, TaskLesson } from '../../lessons/types.js';
import type { UiState } from '../app/state.js';
import { lessonRows } from '../lesson-text.js';
import { type Row, row } from '../rows.js';
import { plural } from '../text.js';
import type { Pane, TaskRun } from './state.js';
import { resultRows } from './verdict-rows.js';

// Lesson text keeps at least this many rows beside the checks; `t` shows either alone.
const minTextRows = 4;
// Console output shown with the checks alone; the rest is counted.
const outputRowsAlone = 20;

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

/** One row saying how the last check went (the lesson alone on screen), from the verdict model. */
function summaryRow(task: TaskLesson, run: TaskRun | undefined): Row {
  const result = run?.last?.result;
  if (!result) return row({ text: '○ not checked yet · t shows lesson and checks', dim: true });
  const verdict = taskVerdict(result);
  const back = { text: ' · t shows lesson and checks', dim: true };
  if (verdict.kind === 'pass') return row({ text: `✓ ${verdict.summary}`, color: 'green' }, back);
  if (verdict.kind === 'not-started')
    return row({ text: `○ ${task.file} ${verdict.summary}`, color: 'cyan' }, back);
  const words = verdict.kind === 'fail' ? verdict.summary : `${task.file} ${verdict.summary}`;
  return row({ text: `✗ ${words}`, color: 'red' }, back);
}
