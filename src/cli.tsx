// The `logreg-tutor` command: parses the arguments, builds the services a command needs, runs
// it, and turns every error into one line and an exit code (1: the tutor's side, 2: usage).
import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { styleText } from 'node:util';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { shouldColor } from './color.js';
import { commandNames } from './command-names.js';
import { didYouMean } from './did-you-mean.js';
import type { CheckedTask } from './engine/check-tasks.js';
import type { Diagnostic, TaskResult } from './engine/types.js';
import { checkTextLines, taskVerdict } from './engine/verdict.js';
import {
  defaultWorkspaceName,
  inspectWorkspace,
  missingFiles,
  resetTask,
  resolveWorkspaceDir,
  scaffoldWorkspace,
} from './engine/workspace.js';
import type { LoadOptions } from './lessons/load.js';
import type { Course, TaskLesson } from './lessons/types.js';
import type { ProgressStore } from './progress/types.js';
import { reopenCommand, shellQuote } from './reopen-command.js';

// The lessons (zod, fast-check), the store (conf, ajv) and the checks' engine are imported when
// first needed (see `openCourse`, `openStore`, `check`): esbuild bundles them inline but runs
// each module only when asked, so --help, --version and the no-terminal message skip their
// start-up cost.

const bin = 'logreg-tutor';

/** A mistake in how the tutor was called: exit code 2, and the message says what to type instead. */
class UsageError extends Error {
  override readonly name = 'UsageError';
}

// --- output -------------------------------------------------------------------------------

type Style = Parameters<typeof styleText>[0];

// Whether stdout is coloured (src/color.ts), decided once the command line is parsed.
let stdoutColor = false;

function paint(style: Style, text: string): string {
  // The decision is ours: styleText's own check of the stream would overrule FORCE_COLOR and
  // --color on a pipe, and warn when FORCE_COLOR and NO_COLOR are both set.
  return stdoutColor ? styleText(style, text, { validateStream: false }) : text;
}

// `logreg-tutor check | head` closes stdout early: stop printing, but finish the run and record
// it, instead of dying on an EPIPE stack trace.
let stdoutClosed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutClosed = true;
});

function print(text = ''): void {
  if (!stdoutClosed) process.stdout.write(`${text}\n`);
}

/** `logreg-lab` when the folder is below the current one, else the absolute path. */
function displayPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  if (relative === '') return '.';
  return relative.startsWith('..') || path.isAbsolute(relative) ? dir : relative;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

// --- services -----------------------------------------------------------------------------

/** The global options every command sees. */
interface GlobalOptions {
  readonly workspace?: string;
  /** `--color` (true), `--no-color` (false), or neither. */
  readonly color?: boolean;
}

/** What a command that works on an existing workspace needs. */
interface WorkspaceContext {
  readonly course: Course;
  /** Absolute path of the workspace. */
  readonly dir: string;
  readonly progress: ProgressStore;
}

async function openCourse(options: LoadOptions = {}): Promise<Course> {
  const { loadCourse } = await import('./lessons/load.js');
  try {
    return loadCourse(undefined, undefined, options);
  } catch (error) {
    throw new Error(`Failed to load the lessons: ${(error as Error).message}`);
  }
}

// The store of this run, so that what it has to tell the student (a damaged file moved aside,
// progress that cannot be saved) is printed on stderr when the command ends.
let openedStore: ProgressStore | undefined;

async function openStore(): Promise<ProgressStore> {
  const { openProgressStore } = await import('./progress/store.js');
  openedStore = openProgressStore();
  return openedStore;
}

/** Prints the store's notices that nothing has shown yet (the TUI shows its own). */
function printStoreNotices(): void {
  for (const notice of openedStore?.takeNotices() ?? [])
    process.stderr.write(`${bin}: ${notice}\n`);
}

/** Finds the workspace (see `resolveWorkspaceDir`) and checks it is one; remembers it. */
async function openWorkspace(course: Course, options: GlobalOptions): Promise<WorkspaceContext> {
  const progress = await openStore();
  const { dir, source } = resolveWorkspaceDir({
    option: options.workspace,
    remembered: progress.lastWorkspace(),
  });
  const status = inspectWorkspace(course, dir);
  const initCommand = `${bin} init${source === 'default' ? '' : ` ${shellQuote(displayPath(dir))}`}`;
  switch (status.kind) {
    case 'missing':
      throw new UsageError(
        `No workspace at ${dir}. Run \`${initCommand}\` to create it${source === 'option' ? '' : ', or pass --workspace DIR'}.`,
      );
    case 'not-a-folder':
      throw new UsageError(
        `${dir} is a file, not a workspace folder. Pass --workspace DIR with the folder \`${bin} init\` made.`,
      );
    case 'not-a-workspace':
      throw new UsageError(
        `${dir} is not a ${bin} workspace (it has no lab.ts and no task files). Run \`${initCommand}\` to create the files there, or pass --workspace DIR.`,
      );
    case 'ok':
      break;
  }
  progress.setLastWorkspace(dir);
  return { course, dir, progress };
}

/** The task a student named: its id (`sigmoid`), file (`01-sigmoid.ts`), folder or number (`1`). */
function findTask(course: Course, name: string): TaskLesson {
  const wanted = name.trim().toLowerCase();
  const found = course.tasks.find((task) => {
    const number = /^(\d\d)-/.exec(task.file)?.[1];
    return (
      [task.id, task.file, task.dir, task.file.replace(/\.ts$/, '')].includes(wanted) ||
      (number !== undefined && /^\d+$/.test(wanted) && Number(wanted) === Number(number))
    );
  });
  if (found) return found;
  const valid = `Valid tasks: ${course.tasks.map((task) => task.id).join(', ')}.`;
  const reading = course.lessons.find((lesson) => lesson.kind === 'intro' && lesson.id === wanted);
  if (reading)
    throw new UsageError(`\`${name}\` is a reading lesson: it has nothing to check. ${valid}`);
  // Offered in the form it was typed: an id for an id, a file name for a file name.
  const suggestion = didYouMean(
    name,
    course.tasks.flatMap((task) => [task.id, task.file]),
  );
  throw new UsageError(`Unknown task \`${name}\`.${suggestion || ` ${valid}`}`);
}

/** The one line for a command the tutor does not have. */
function unknownCommand(name: string): UsageError {
  return new UsageError(
    `Unknown command \`${name}\`.${didYouMean(name, commandNames) || ` Commands: ${commandNames.join(', ')} (see \`${bin} --help\`).`}`,
  );
}

// --- init -----------------------------------------------------------------------------------

async function init(dirArgument: string | undefined, options: GlobalOptions): Promise<void> {
  const target = path.resolve(dirArgument ?? options.workspace ?? defaultWorkspaceName);
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw new UsageError(
      `${target} is a file, not a folder. Choose another DIR: \`${bin} init DIR\`.`,
    );
  }
  const course = await openCourse();
  const result = scaffoldWorkspace(course, target);
  (await openStore()).setLastWorkspace(result.dir);

  const shown = displayPath(result.dir);
  if (result.created.length === 0) {
    print(`Nothing to create: ${result.dir} already has every file of the workspace.`);
  } else {
    print(
      `${result.kept.length === 0 ? 'Created the workspace' : 'Completed the workspace'} ${result.dir}:`,
    );
    for (const file of result.created) print(`  ${paint('green', '+')} ${file}`);
  }
  if (result.kept.length > 0) {
    print(`Kept ${plural(result.kept.length, 'file')} already there (never overwritten):`);
    for (const file of result.kept) print(`  ${paint('dim', '=')} ${file}`);
    print(
      `To start a task over from its starter, run \`${bin} reset TASK\` (it backs your file up first).`,
    );
  }
  const first = course.tasks[0];
  print();
  print('To start:');
  if (shown !== '.') print(`  cd ${shellQuote(shown)}`);
  print(`  Open the folder in your editor${first ? ` and begin with ${first.file}` : ''}.`);
  print(`  ${bin}          the tutor: lessons, and checks each time you save`);
  print(`  ${bin} check    check every task once, from the shell`);
}

// --- check ----------------------------------------------------------------------------------

interface CheckOptions extends GlobalOptions {
  readonly json?: boolean;
  readonly timeout?: number;
}

async function check(names: readonly string[], options: CheckOptions): Promise<number> {
  const timing = new Timing();
  const [{ SandboxPool }, { sandboxCount }] = await Promise.all([
    import('./engine/sandbox.js'),
    import('./engine/check-tasks.js'),
  ]);
  // Prepare a sandbox for each lane, and one to spare, while the lessons load.
  const pool = new SandboxPool();
  pool.prewarm(sandboxCount(names.length === 0 ? Number.POSITIVE_INFINITY : names.length));
  try {
    const [{ checkTasks }, course] = await Promise.all([
      import('./engine/check-tasks.js'),
      openCourse({ questions: false }),
    ]);
    timing.mark('lessons loaded');
    const named = new Set(names.map((name) => findTask(course, name)));
    const tasks =
      names.length === 0 ? course.tasks : course.tasks.filter((task) => named.has(task));
    const { dir, progress } = await openWorkspace(course, options);
    timing.mark('workspace opened');
    // A deleted task file shows up in its result; a deleted lab.ts only as a compile error.
    const taskFiles = new Set(course.tasks.map((task) => task.file));
    const missingShared = missingFiles(course, dir).filter((file) => !taskFiles.has(file));
    if (missingShared.length > 0) {
      process.stderr.write(
        `${bin}: ${missingShared.join(', ')} ${missingShared.length === 1 ? 'is' : 'are'} missing from ${dir}; \`${bin} init\` puts ${missingShared.length === 1 ? 'it' : 'them'} back (it never overwrites).\n`,
      );
    }

    if (!options.json) print(paint('dim', `Checking ${plural(tasks.length, 'task')} in ${dir}`));
    const started = performance.now();
    const results = await checkTasks(tasks, {
      workspaceDir: dir,
      pool,
      ...(options.timeout === undefined ? {} : { limits: { timeoutMs: options.timeout * 1000 } }),
      onResult: (result, index) => {
        if (!options.json) printTaskResult(result, tasks[index] as TaskLesson);
      },
    });
    timing.mark(
      `checked (${results.map((result) => `${result.taskId} ${result.durationMs}`).join(', ')})`,
    );
    // One save for the whole run: each save is an fsync, ~15 ms apiece on a slow disk. A missing
    // file was not checked, so it is no attempt.
    progress.recordResults(
      dir,
      results.filter((result) => !result.missingFile),
    );
    timing.mark('progress saved');

    if (options.json) {
      print(JSON.stringify({ workspace: dir, tasks: results.map(jsonTask) }, null, 2));
    } else {
      printSummary(results, tasks, performance.now() - started);
    }
    return results.every((result) => result.status === 'pass') ? 0 : 1;
  } finally {
    await pool.close();
    timing.mark('sandboxes closed');
    timing.report();
  }
}

/**
 * With LOGREG_TUTOR_TIMING set, `check` ends by printing on stderr when each phase ended, in
 * ms since the process started (so node's own start-up and loading the bundle are included).
 */
class Timing {
  private readonly enabled = Boolean(process.env.LOGREG_TUTOR_TIMING);
  private readonly marks: string[] = [];

  constructor() {
    this.mark('command started');
  }

  mark(label: string): void {
    if (this.enabled) this.marks.push(`${Math.round(performance.now())} ${label}`);
  }

  report(): void {
    if (this.enabled)
      process.stderr.write(
        `timing (ms since process start):\n${this.marks.map((line) => `  ${line}\n`).join('')}`,
      );
  }
}

function jsonTask(result: CheckedTask) {
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

function printTaskResult(result: CheckedTask, task: TaskLesson): void {
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

function printSummary(
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

// --- hint -----------------------------------------------------------------------------------

async function hint(name: string, options: GlobalOptions): Promise<void> {
  const course = await openCourse();
  const task = findTask(course, name);
  const { dir, progress } = await openWorkspace(course, options);
  const total = task.hints.length;
  const shown = progress.workspace(dir).tasks[task.id]?.hintsShown ?? 0;
  const repeat = shown >= total;
  const index = Math.min(shown, total - 1);
  if (!repeat) progress.recordHint(dir, task.id);

  print(paint('bold', `Hint ${index + 1} of ${total} for ${task.id} (${task.file}):`));
  for (const line of (task.hints[index] ?? '').split('\n')) print(`  ${line}`);
  print();
  if (repeat)
    print(
      `There are no more hints for ${task.id}: that was the last one again. \`${bin} check ${task.id}\` says what each failing check tried.`,
    );
  else if (index + 1 === total) print(`That was the last hint for ${task.id}.`);
  else print(`Run \`${bin} hint ${task.id}\` again for the next one.`);
}

// --- reset ----------------------------------------------------------------------------------

async function reset(name: string, options: GlobalOptions): Promise<void> {
  const course = await openCourse();
  const task = findTask(course, name);
  const { dir } = await openWorkspace(course, options);
  const result = resetTask(task, dir);
  if (result.backup) {
    print(`Saved your ${task.file} to ${path.join(dir, result.backup)}`);
    print(`Restored the starter of ${task.file}.`);
  } else if (result.reason === 'missing') {
    print(`${task.file} was missing; restored its starter in ${dir}.`);
  } else {
    print(`${task.file} already holds the starter: nothing to reset.`);
  }
}

// --- plot ---------------------------------------------------------------------------------

interface PlotOptions extends GlobalOptions {
  readonly width?: number;
}

// Narrower than this, a chart has no room for its lines (plotCommand refuses it).
const minPlotWidth = 30;

async function plot(name: string, options: PlotOptions): Promise<number> {
  const course = await openCourse();
  const task = findTask(course, name);
  const { dir } = await openWorkspace(course, options);
  const { plotCommand } = await import('./plot/command.js');
  // The terminal's own width; a pipe or a file has none and gets plotCommand's 80.
  const columns = process.stdout.isTTY ? process.stdout.columns : undefined;
  const width = options.width ?? (columns ? Math.max(minPlotWidth, columns) : undefined);
  const result = await plotCommand({
    course,
    task: task.id,
    workspaceDir: dir,
    color: stdoutColor,
    ...(width === undefined ? {} : { width }),
  });
  if (result.exitCode === 2) throw new UsageError(result.text);
  print(result.text);
  return result.exitCode;
}

// --- answer, answers and export -------------------------------------------------------------

interface AnswersOptions extends GlobalOptions {
  readonly json?: boolean;
}

/** `answer QUESTION-ID [FILE|-]`: see src/cli/answer.ts. */
async function answer(
  questionId: string,
  source: string | undefined,
  options: AnswersOptions,
): Promise<number> {
  const course = await openCourse();
  const { answerCommand, findCourseQuestion, unknownQuestion } = await import('./cli/answer.js');
  const found = findCourseQuestion(course.tasks, questionId.trim());
  if (!found) throw new UsageError(unknownQuestion(course, questionId));
  const { dir, progress } = await openWorkspace(course, options);
  const result = await answerCommand({
    course,
    ...found,
    dir,
    store: progress,
    source,
    json: options.json === true,
    readStdin: async () => {
      let text = '';
      for await (const chunk of process.stdin.setEncoding('utf8')) text += chunk;
      return text;
    },
  });
  if ('usage' in result) throw new UsageError(result.usage);
  for (const notice of result.notices) process.stderr.write(`${bin}: ${notice}\n`);
  print(result.stdout);
  return result.exitCode;
}

/**
 * Brings the store and the workspace's answer files together before answers are printed (the
 * TUI does it on opening): notices on stderr, so that `--json` stays one document.
 */
async function syncAnswers(context: WorkspaceContext): Promise<void> {
  const { syncAnswerFiles } = await import('./progress/answer-record.js');
  const sync = await syncAnswerFiles({
    course: context.course,
    store: context.progress,
    dir: context.dir,
  });
  for (const notice of sync.notices) process.stderr.write(`${bin}: ${notice}\n`);
}

async function answers(options: AnswersOptions): Promise<void> {
  const course = await openCourse();
  const context = await openWorkspace(course, options);
  const { dir, progress } = context;
  await syncAnswers(context);
  const { answersJson, answersText } = await import('./progress/report.js');
  const record = progress.workspace(dir);
  print(
    options.json
      ? JSON.stringify(answersJson(course, record, dir), null, 2)
      : answersText(course, record).trimEnd(),
  );
}

interface ExportOptions extends GlobalOptions {
  readonly out?: string;
}

/** Checks every task afresh (old results are not trusted) and writes the Markdown report. */
async function exportReport(options: ExportOptions): Promise<void> {
  const { SandboxPool } = await import('./engine/sandbox.js');
  const pool = new SandboxPool();
  pool.prewarm();
  try {
    const [{ checkTasks }, { buildReport }, course] = await Promise.all([
      import('./engine/check-tasks.js'),
      import('./progress/report.js'),
      openCourse(),
    ]);
    const context = await openWorkspace(course, options);
    const { dir, progress } = context;
    await syncAnswers(context);
    const results = await checkTasks(course.tasks, { workspaceDir: dir, pool });
    const record = progress.recordResults(
      dir,
      results.filter((result) => !result.missingFile),
    );
    const report = buildReport({
      course,
      progress: record,
      results: Object.fromEntries(results.map((result) => [result.taskId, result])),
      workspaceDir: dir,
      version: packageJson.version,
      now: new Date().toISOString(),
    });
    if (!options.out) {
      print(report.trimEnd());
      return;
    }
    const out = path.resolve(options.out);
    try {
      writeFileSync(out, report);
    } catch (error) {
      throw new Error(`Failed to write the report to ${out}: ${(error as Error).message}`);
    }
    const passing = results.filter((result) => result.status === 'pass').length;
    print(`Wrote the report to ${out}`);
    print(`  ${passing} of ${results.length} tasks pass; the report lists each check and answer.`);
  } finally {
    await pool.close();
  }
}

// --- no command -----------------------------------------------------------------------------

/** What the interactive tutor starts with. */
interface LaunchContext extends WorkspaceContext {
  /** Files created in the workspace at this launch (empty when it was complete). */
  readonly createdFiles: readonly string[];
  /** True when the workspace was created at this launch. */
  readonly createdWorkspace: boolean;
  /** True when the interactive tutor had never opened this workspace (then it welcomes). */
  readonly firstLaunch: boolean;
}

/** Opens the workspace for the tutor, creating whatever files it lacks (never overwriting). */
async function prepareLaunch(options: GlobalOptions): Promise<LaunchContext> {
  const [course, progress] = await Promise.all([openCourse(), openStore()]);
  const { dir } = resolveWorkspaceDir({
    option: options.workspace,
    remembered: progress.lastWorkspace(),
  });
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new UsageError(`${dir} is a file, not a workspace folder. Pass --workspace DIR.`);
  }
  const { created } = scaffoldWorkspace(course, dir);
  progress.setLastWorkspace(dir);
  const createdWorkspace = created.includes('lab.ts');
  const firstTuiStart = progress.recordTuiStart(dir);
  return {
    course,
    dir,
    progress,
    createdFiles: created,
    createdWorkspace,
    firstLaunch: createdWorkspace || firstTuiStart,
  };
}

// --- the program ----------------------------------------------------------------------------

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
    throw new InvalidArgumentError(
      `Expected a number of seconds between 0 and 600, got \`${value}\`.`,
    );
  }
  return seconds;
}

function parseWidth(value: string): number {
  const width = Number(value);
  if (!Number.isInteger(width) || width < minPlotWidth || width > 1000) {
    throw new InvalidArgumentError(
      `Expected a whole number of columns from ${minPlotWidth} to 1000, got \`${value}\`.`,
    );
  }
  return width;
}

const examples = `
Examples:
  $ ${bin} init                       create ./logreg-lab with the task files
  $ ${bin}                            open the tutor in the workspace
  $ ${bin} check                      check every task
  $ ${bin} check sigmoid bce-loss     check two tasks
  $ ${bin} check --json > results.json
  $ ${bin} hint sigmoid               the next hint for a task
  $ ${bin} reset sigmoid              back up your file, restore the starter
  $ ${bin} plot sigmoid               draw the plots of your sigmoid in the terminal
  $ ${bin} answer grad-shape - <<< 'grad has shape (d,), like w'
                                      record an answer from a file or standard input
  $ ${bin} run sigmoid                the notebook's cell on your sigmoid: printout and OK/Failed
  $ ${bin} answers                    your answers to the questions, with their key ideas
  $ ${bin} export --out report.md     check everything and write the report to hand in
  $ ${bin} -w ~/lab check             use the workspace in ~/lab

The workspace is --workspace DIR, else the current folder if it has a lab.ts, else the one used
last, else ./${defaultWorkspaceName}.

Colour is used on a terminal. A non-empty NO_COLOR turns it off; FORCE_COLOR=1 (or 0) wins over
NO_COLOR, and --color / --no-color win over both.`;

/** Builds the command line; `exit` receives the exit code of a command that ran. */
export function buildProgram(exit: (code: number) => void): Command {
  const program = new Command(bin)
    .description(
      'Learn the math of logistic regression by implementing it in TypeScript, checked as you go.',
    )
    .version(packageJson.version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .option('-w, --workspace <dir>', 'the workspace folder (default: see the end of --help)')
    .option('--color', 'colour the output, even when it is not a terminal')
    .option('--no-color', 'no colour, even on a terminal (as NO_COLOR=1 does)')
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({
      // One line, like the tutor's own errors: commander puts its suggestion on a second one.
      outputError: (text, write) =>
        write(
          `${bin}: ${text.replace(/^error: /, '').replace(/\n\((Did you mean .*\?)\)(?=\n?$)/, '. $1')}`,
        ),
    })
    .showSuggestionAfterError()
    .exitOverride()
    .addHelpText('after', examples)
    .hook('preAction', (_program, command) => {
      stdoutColor = shouldColor(process.stdout, {
        flag: command.optsWithGlobals<GlobalOptions>().color,
      });
    });

  program
    .command('init')
    .argument('[dir]', 'the folder to create', `./${defaultWorkspaceName}`)
    .description(
      'create the workspace: lab.ts, tsconfig.json, README.md and a starter per task (never overwrites)',
    )
    .addHelpText('after', `\nExample:\n  $ ${bin} init ~/logreg-lab`)
    .action(async (dir: string | undefined, _options: unknown, command: Command) => {
      await init(
        command.args.length > 0 ? dir : undefined,
        command.optsWithGlobals<GlobalOptions>(),
      );
      exit(0);
    });

  program
    .command('check')
    .argument('[task...]', 'task ids, file names or numbers (default: every task)')
    .description('run the hidden checks and print the verdicts (exit 0: all pass, 1: some fail)')
    .option('--json', 'print one JSON document instead of text')
    .option('--timeout <seconds>', 'time limit per task', parseSeconds)
    .addHelpText(
      'after',
      `\nExamples:\n  $ ${bin} check\n  $ ${bin} check sigmoid 02-bce-loss.ts --timeout 10\n  $ ${bin} check --json | jq '.tasks[] | {id, status}'`,
    )
    .action(async (names: string[], _options: unknown, command: Command) => {
      exit(await check(names, command.optsWithGlobals<CheckOptions>()));
    });

  program
    .command('hint')
    .argument('<task>', 'task id, file name or number')
    .description('show the next hint for a task (they get more specific)')
    .addHelpText('after', `\nExample:\n  $ ${bin} hint sigmoid`)
    .action(async (name: string, _options: unknown, command: Command) => {
      await hint(name, command.optsWithGlobals<GlobalOptions>());
      exit(0);
    });

  program
    .command('reset')
    .argument('<task>', 'task id, file name or number')
    .description("back up a task's file to .backups/ in the workspace, then restore its starter")
    .addHelpText('after', `\nExample:\n  $ ${bin} reset sigmoid`)
    .action(async (name: string, _options: unknown, command: Command) => {
      await reset(name, command.optsWithGlobals<GlobalOptions>());
      exit(0);
    });

  program
    .command('plot')
    .argument('<task>', 'task id, file name or number')
    .description("draw a task's plots from your own code (exit 0: all drawn, 1: some could not be)")
    .option('--width <columns>', 'columns to draw in (default: the terminal, else 80)', parseWidth)
    .addHelpText(
      'after',
      `\nExamples:\n  $ ${bin} plot sigmoid\n  $ ${bin} plot 7 --width 100 --workspace ~/logreg-lab`,
    )
    .action(async (name: string, _options: unknown, command: Command) => {
      exit(await plot(name, command.optsWithGlobals<PlotOptions>()));
    });

  program
    .command('answer')
    .argument('<question>', 'the question id (`logreg-tutor answers` lists them)')
    .argument(
      '[file]',
      'the answer: a file, or - for standard input (default: answers/QUESTION.md)',
    )
    .description(
      'record an answer as the tutor does, then show the key ideas matched and the model answer (exit 0: accepted, 1: not accepted)',
    )
    .option('--json', 'print one JSON document instead of text')
    .addHelpText(
      'after',
      `\nExamples:\n  $ ${bin} answer sigmoid-saturation my-answer.md\n  $ echo 'grad has shape (d,), one entry per weight.' | ${bin} answer grad-shape -\n  $ ${bin} answer gradient-derivation --json   # reads answers/gradient-derivation.md`,
    )
    .action(
      async (questionId: string, file: string | undefined, _options: unknown, command: Command) => {
        exit(await answer(questionId, file, command.optsWithGlobals<AnswersOptions>()));
      },
    );

  program
    .command('run')
    .argument('<task>', 'task id, file name or number, or `dataset` for section 0')
    .description(
      "run a task's notebook cell on your code: what the lab printed, and its own checks (exit 0: all OK, 1: one failed)",
    )
    .option('--json', 'print one JSON document instead of text')
    .option('--timeout <seconds>', 'time limit of the run', parseSeconds)
    .addHelpText(
      'after',
      `\nExamples:\n  $ ${bin} run sigmoid\n  $ ${bin} run dataset\n  $ ${bin} run 7 --json | jq '.checks'`,
    )
    .action(async (name: string, _options: unknown, command: Command) => {
      const options = command.optsWithGlobals<CheckOptions>();
      const { findSectionZero, runCommand } = await import('./cli/run.js');
      const course = await openCourse({ questions: false });
      const lesson = findSectionZero(course, name) ?? findTask(course, name);
      const { dir } = await openWorkspace(course, options);
      const result = await runCommand({
        lesson,
        workspaceDir: dir,
        json: options.json === true,
        color: stdoutColor,
        ...(options.timeout === undefined ? {} : { limits: { timeoutMs: options.timeout * 1000 } }),
      });
      print(result.text);
      exit(result.exitCode);
    });

  program
    .command('answers')
    .description(
      'print every question with your latest answer, its key ideas matched automatically and marked by you',
    )
    .option('--json', 'print one JSON document instead of text')
    .addHelpText(
      'after',
      `\nExamples:\n  $ ${bin} answers\n  $ ${bin} answers --json | jq '.questions[] | {id, state}'`,
    )
    .action(async (_options: unknown, command: Command) => {
      await answers(command.optsWithGlobals<AnswersOptions>());
      exit(0);
    });

  program
    .command('export')
    .description(
      'check every task again and write a Markdown report to hand in (checks, answers, dates)',
    )
    .option('-o, --out <file>', 'write the report to FILE instead of printing it')
    .addHelpText('after', `\nExample:\n  $ ${bin} export --out report.md`)
    .action(async (_options: unknown, command: Command) => {
      await exportReport(command.optsWithGlobals<ExportOptions>());
      exit(0);
    });

  // Commander's own help command is left out when the program has an action (the TUI), and for
  // a name it does not know prints the whole help on stderr; this one says which name was meant.
  program
    .command('help')
    .argument('[command]', 'the command to explain')
    .description('show this help, or the help of a command (as `COMMAND --help` does)')
    .addHelpText('after', `\nExample:\n  $ ${bin} help check`)
    .action((name: string | undefined) => {
      const named =
        name === undefined ? program : program.commands.find((each) => each.name() === name);
      if (!named) throw unknownCommand(name ?? '');
      named.outputHelp();
      exit(0);
    });

  // Set after the subcommands, which would otherwise inherit it.
  program.allowExcessArguments(true);
  program.action(async (options: GlobalOptions, command: Command) => {
    const [unknown] = command.args;
    if (unknown !== undefined) throw unknownCommand(unknown);
    // Ink needs a terminal to draw on and keys to read; anything else gets a pointer, not a stack trace.
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      throw new UsageError(
        `The tutor needs an interactive terminal; to check your work from a script or pipe, run \`${bin} check\`.`,
      );
    }
    const launch = await prepareLaunch(options);
    // Loaded only here, after the terminal check: Ink and React are most of the start-up work.
    const [{ createTutorServices }, { runTui }] = await Promise.all([
      import('./tutor-services.js'),
      import('./ui/run-tui.js'),
    ]);
    const services = createTutorServices({
      course: launch.course,
      workspaceDir: launch.dir,
      progress: launch.progress,
      createdFiles: launch.createdFiles,
      firstLaunch: launch.firstLaunch,
    });
    try {
      exit(await runTui(services, { color: stdoutColor }));
    } finally {
      await services.close();
    }
    // Back on the ordinary screen: where the work is, and how to come back to it.
    print(
      `${launch.createdWorkspace ? 'Created your workspace' : 'Your workspace is'} ${launch.dir}. Open it again with:`,
    );
    print(
      `  ${reopenCommand(launch.dir, { node: process.execPath, script: process.argv[1] ?? bin, env: process.env })}`,
    );
  });
  return program;
}

/** Runs the command line and sets the process's exit code. Never throws. */
export async function main(argv: readonly string[] = process.argv): Promise<void> {
  const setExit = (code: number) => {
    process.exitCode = code;
  };
  try {
    await buildProgram(setExit).parseAsync([...argv]);
    printStoreNotices();
  } catch (error) {
    printStoreNotices();
    if (error instanceof CommanderError) {
      // Commander has printed the message (or the help) already.
      const shown = ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(
        error.code,
      );
      setExit(shown ? 0 : 2);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${bin}: ${message}\n`);
    if (
      !(error instanceof UsageError) &&
      process.env.LOGREG_TUTOR_DEBUG &&
      error instanceof Error
    ) {
      process.stderr.write(`${error.stack}\n`);
    }
    setExit(error instanceof UsageError ? 2 : 1);
  }
}

void main();
