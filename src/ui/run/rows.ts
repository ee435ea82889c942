// The Run view's rows: the notebook cell's printout and its OK/Failed checks (the model that
// `logreg-tutor run` prints too), or what is happening while it runs.

import type { TaskLesson } from '../../lessons/types.js';
import { checkText, reportLines } from '../../notebook/report.js';
import { blank, type Row, row } from '../rows.js';
import { wrapText } from '../text.js';
import type { CellRun } from './state.js';

/** The rows of the Run view of `task`, `width` columns wide. */
export function runRows(task: TaskLesson, cell: CellRun | undefined, width: number): Row[] {
  const rows: Row[] = [];
  const wrapped = (text: string, style: Omit<Row[number], 'text'> = {}, indent = 0) =>
    wrapText(text, width, indent).map((line) => row({ text: line, ...style }));
  if (cell?.running)
    rows.push(...wrapped(`Running the notebook's cell on ${task.file}…`, { dim: true }));
  if (cell?.error)
    rows.push(...wrapped(`The cell could not be run: ${cell.error}`, { color: 'red' }));
  const result = cell?.last?.result;
  if (!result) return rows;
  if (cell?.running) rows.push(blank);
  for (const line of reportLines(result, "the task's verdict, on the task screen")) {
    switch (line.kind) {
      case 'error':
        rows.push(...wrapped(line.text, { color: 'red' }), blank);
        break;
      case 'value':
        rows.push(...wrapped(`${line.label} ${line.value}`));
        if (line.reference !== undefined)
          rows.push(...wrapped(`tutor: ${line.reference}`, { color: 'yellow' }, 2));
        break;
      case 'check':
        rows.push(
          row({
            text: checkText(line.name, line.ok),
            color: line.ok ? 'green' : 'red',
            bold: true,
          }),
        );
        break;
      case 'note':
        rows.push(blank, ...wrapped(line.text, { dim: true }));
        break;
    }
  }
  return rows;
}
