// The hints panel's rows (`h`): the failing check's own hint, then the staged hints shown so far.
import type { TaskLesson } from '../../lessons/types.js';
import type { UiState } from '../app/state.js';
import { lessonRows } from '../lesson-text.js';
import { blank, type Row, row } from '../rows.js';
import { wrapText } from '../text.js';
import { failingCheckHint } from './select.js';

export function hintRows(state: UiState, task: TaskLesson, width: number): Row[] {
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
