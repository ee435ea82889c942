// What `check` prints: each task's verdict as it arrives (the verdict model's lines, with
// colour), its compile errors and console output, the summary, and the `--json` document.
import type { CheckedTask } from '../engine/check-tasks.js';
import type { Diagnostic, TaskResult } from '../engine/types.js';
import { checkTextLines, taskVerdict } from '../engine/verdict.js';
import type { TaskLesson } from '../lessons/types.js';
import { bin, paint, plural, print } from './output.js';

/** One task of `check --json` (a fixed contract: fields are only ever added). */
export function jsonTask(result: CheckedTask) {
  return {
    id: result.taskId,
    file: result.file,
    passed: result.status === 'pass',
    status: result.status,
    checks: result.checks.map((check) => ({
      name: check.name,
      passed: check.passed,
      message: check.message,
      ...(check.mistake ? { mistake: check.mistake } : {}),
      ...(check.skipped ? { skipped: true } : {}),
    })),
    durationMs: result.durationMs,
    notImplemented: result.notImplemented,
    ...(result.error ? { error: result.error } : {}),
    ...(result.missingFile ? { missingFile: true } : {}),
    diagnostics: result.diagnostics,
    output: result.output,
  };
}

// The console output of a student's loop can run to thousands of lines; the tutor shows the start.
const outputLinesShown = 20;

/** Prints one task's verdict: its heading line, what stopped it, each check, its output. */
export function printTaskResult(result: CheckedTask, task: TaskLesson): void {
  const verdict = taskVerdict(result);
  const passed = verdict.kind === 'pass';
  const mark = passed ? paint('green', '✓') : paint('red', '✗');
  print();
  print(
    `${mark} ${paint('bold', task.id)} ${paint('dim', `(${result.file})`)} ${passed ? paint('green', verdict.summary) : paint('red', verdict.summary)} ${paint('dim', `${result.durationMs} ms`)}`,
  );

  if (verdict.kind === 'not-started') {
    print(
      `  ${result.file} still throws the starter's TODO error. Replace that line with your code.`,
    );
  } else if (
    verdict.error &&
    !(verdict.kind === 'compile-error' && result.diagnostics.length > 0)
  ) {
    // A compile error's message is its first diagnostic, printed below with its place.
    print(`  ${verdict.error}`);
  }
  for (const diagnostic of result.diagnostics) printDiagnostic(diagnostic);

  // The same lines as the verdict model's text, with the marks in colour.
  for (const line of checkTextLines(verdict)) {
    const painted = line
      .replace(/^ {2}✓/, `  ${paint('green', '✓')}`)
      .replace(/^ {2}✗/, `  ${paint('red', '✗')}`);
    print(/^ {2}\d+ checks? not run\.$/.test(line) ? paint('dim', line) : painted);
  }
  printOutput(result);
}

function printDiagnostic(diagnostic: Diagnostic): void {
  print(
    `  ${paint('bold', `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`)}: ${diagnostic.message}`,
  );
  if (diagnostic.lineText) {
    const gutter = `    ${diagnostic.line} | `;
    print(`${gutter}${diagnostic.lineText}`);
    print(`${' '.repeat(gutter.length + Math.max(0, diagnostic.column - 1))}${paint('red', '^')}`);
  }
}

function printOutput(result: TaskResult): void {
  const text = result.output.text.replace(/\n$/, '');
  if (text === '' && result.output.droppedBytes === 0) return;
  const lines = text.split('\n');
  print(
    `  ${paint('bold', `Output of ${result.file}`)} ${paint('dim', '(console.log and friends)')}:`,
  );
  for (const line of lines.slice(0, outputLinesShown)) print(`    ${paint('dim', '│')} ${line}`);
  const hiddenLines = lines.length - outputLinesShown;
  if (hiddenLines > 0 || result.output.droppedBytes > 0) {
    const parts = [
      hiddenLines > 0 ? `${plural(hiddenLines, 'more line')}` : '',
      result.output.droppedBytes > 0 ? `${result.output.droppedBytes} more bytes dropped` : '',
    ].filter(Boolean);
    print(paint('dim', `    … ${parts.join(', ')} not shown.`));
  }
}

/** The last lines: how many pass, and which task to work on next. */
export function printSummary(
  results: readonly CheckedTask[],
  tasks: readonly TaskLesson[],
  elapsedMs: number,
): void {
  const passing = results.filter((result) => result.status === 'pass');
  const failing = results.filter((result) => result.status !== 'pass');
  const seconds = `${(elapsedMs / 1000).toFixed(1)} s`;
  print();
  const only = results.length === 1 ? results[0] : undefined;
  if (failing.length === 0) {
    const verdict = only ? `${only.taskId} passes.` : `All ${results.length} tasks pass.`;
    print(paint(['bold', 'green'], verdict) + paint('dim', ` (${seconds})`));
    return;
  }
  const verdict = only
    ? `${only.taskId} does not pass yet.`
    : `${passing.length} of ${results.length} tasks pass. Not yet: ${failing.map((result) => result.taskId).join(', ')}.`;
  print(`${paint('bold', verdict)} ${paint('dim', `(${seconds})`)}`);
  const next = tasks.find((task) => task.id === failing[0]?.taskId);
  if (next)
    print(
      `Next: work on ${next.file}, then run \`${bin} check ${next.id}\`. Stuck? \`${bin} hint ${next.id}\`.`,
    );
}
