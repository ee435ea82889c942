// The panels drawn over a screen (help, hints, the reference solution, the Run view), fitted:
// title, rows, height and scroll. The plots are drawn by plots/PlotsView.tsx instead.
import type { Course } from '../../lessons/types.js';
import { lessonRows } from '../lesson-text.js';
import { blank, type Row, row } from '../rows.js';
import { runRows } from '../run/rows.js';
import { hintRows } from '../task/hint-rows.js';
import { wrapText } from '../text.js';
import { findTask } from './course.js';
import { helpRows } from './keymap.js';
import type { UiState } from './state.js';

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
