// Where a verdict is drawn in the TUI: a task's result as rows (the pass banner, every check
// with its failure in full, compile errors, type errors, the student's output), from the one
// verdict model (engine/verdict.ts) that `check` and `export` print too.
import type { Diagnostic, TaskResult } from '../../engine/types.js';
import { type TaskVerdict, taskVerdict } from '../../engine/verdict.js';
import type { Course, TaskLesson } from '../../lessons/types.js';
import { allQuestions, isAnswered } from '../../progress/answers.js';
import { taskState } from '../../progress/unlock.js';
import { nextTask } from '../app/course.js';
import type { UiState } from '../app/state.js';
import { taskHasPlots } from '../plots/reducer.js';
import { type Row, row, rowText } from '../rows.js';
import { plural, textWidth, truncate, wrapText } from '../text.js';
import type { TaskRun } from './state.js';

// Console output shown under the checks beside the lesson; the rest is counted.
const outputRows = 4;
const typeErrorRows = 3;

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

  // The one verdict model, as `check` and `export` print it.
  const verdict = taskVerdict(result);
  if (verdict.kind === 'pass') rows.push(...passRows(state, course, task, result, width));
  else rows.push(...verdictRows(task, result, verdict, width));

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

/** A verdict that is not a pass: what came of the file, then every check, failures in full. */
function verdictRows(
  task: TaskLesson,
  result: TaskResult,
  verdict: TaskVerdict,
  width: number,
): Row[] {
  const rows: Row[] = [];
  switch (verdict.kind) {
    case 'not-started':
      rows.push(
        row(
          { text: '○ Not started: ', color: 'cyan', bold: true },
          `${task.file} still throws the starter's TODO error.`,
        ),
      );
      rows.push(row({ text: '  Replace that line with your code and save.', dim: true }));
      for (const check of verdict.checks)
        rows.push(row({ text: `  ○ ${truncate(check.name, width - 4)}`, dim: true }));
      return rows;
    case 'missing-file':
      rows.push(
        row({ text: `✗ ${task.file} is missing from the workspace`, color: 'red', bold: true }),
      );
      rows.push(
        row('  Deleted or renamed? Press R to restore its starter (nothing is overwritten).'),
      );
      return rows;
    case 'compile-error':
      rows.push(row({ text: `✗ ${task.file} does not compile:`, color: 'red', bold: true }));
      for (const diagnostic of result.diagnostics.slice(0, 3))
        rows.push(...diagnosticRows(diagnostic, width));
      rows.push(
        row({
          text: `  ${plural(verdict.checks.length, 'check')} not run until it compiles.`,
          dim: true,
        }),
      );
      return rows;
    case 'fail':
      rows.push(row({ text: `✗ ${verdict.summary}`, color: 'red', bold: true }));
      break;
    default:
      // Timed out or crashed: what happened, in the sandbox's one sentence.
      rows.push(row({ text: `✗ ${task.file} ${verdict.summary}:`, color: 'red', bold: true }));
      for (const line of wrapText(verdict.error ?? '', width, 2)) rows.push(row(line));
  }
  // Every check, failures first and the most telling of them first, each failure in full: the
  // same content as `check` prints, scrolled with the rest of the pane.
  for (const check of verdict.checks) {
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
