// `logreg-tutor run TASK [--json]`: a lesson's notebook cell run on the student's code, its
// printed lines and its own checks as text or as one JSON document (a fixed contract).
// Exit code 0: every check OK; 1: one is not, or the code could not run.
import { styleText } from 'node:util';
import type { SandboxLimits } from '../engine/sandbox.js';
import type { Course, IntroLesson } from '../lessons/types.js';
import { checkText, reportLines } from '../notebook/report.js';
import { type CellLesson, runCell } from '../notebook/run-cell.js';
import type { NotebookResult } from '../notebook/types.js';
import { print, stdoutColored } from './output.js';
import { findTask, type JsonOptions, openCourse, openWorkspace } from './services.js';

/** The options of `run`. */
export interface RunOptions extends JsonOptions {
  /** Seconds for the whole run. */
  readonly timeout?: number;
}

/** `run TASK`: finds the lesson and the workspace, runs `runCommand`, prints what it came to. */
export async function run(name: string, options: RunOptions): Promise<number> {
  const course = await openCourse({ questions: false });
  const lesson = findSectionZero(course, name) ?? findTask(course, name);
  const { dir } = await openWorkspace(course, options);
  const result = await runCommand({
    lesson,
    workspaceDir: dir,
    json: options.json === true,
    color: stdoutColored(),
    ...(options.timeout === undefined ? {} : { limits: { timeoutMs: options.timeout * 1000 } }),
  });
  print(result.text);
  return result.exitCode;
}

/** What `runCommand` needs: everything the CLI has parsed or knows. */
export interface RunCommandOptions {
  readonly lesson: CellLesson;
  /** Absolute path of the student's workspace. */
  readonly workspaceDir: string;
  readonly json: boolean;
  /** ANSI colours: what `shouldColor` (src/color.ts) says for stdout. */
  readonly color: boolean;
  readonly limits?: Partial<SandboxLimits>;
}

/** What to print and how to exit. */
export interface RunCommandResult {
  readonly text: string;
  readonly exitCode: number;
}

/**
 * Section 0 when `name` names it (`dataset`, `0`, `00-dataset`), the way a task is named by its
 * id, number or folder; undefined for anything else (a task, or a mistyped name).
 */
export function findSectionZero(course: Course, name: string): IntroLesson | undefined {
  const wanted = name.trim().toLowerCase();
  return course.lessons.find(
    (lesson): lesson is IntroLesson =>
      lesson.kind === 'intro' &&
      (lesson.id === wanted ||
        lesson.dir === wanted ||
        (/^\d+$/.test(wanted) && Number(wanted) === Number(/^(\d+)-/.exec(lesson.dir)?.[1]))),
  );
}

/** Runs the lesson's cell and renders what it came to. */
export async function runCommand(options: RunCommandOptions): Promise<RunCommandResult> {
  const result = await runCell(options.lesson, {
    workspaceDir: options.workspaceDir,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const exitCode = result.status === 'pass' ? 0 : 1;
  const text = options.json
    ? JSON.stringify(runJson(result), null, 2)
    : runText(result, options.color);
  return { text, exitCode };
}

/** The `--json` document: the fixed shape, plus `matches` on each line. */
export function runJson(result: NotebookResult) {
  return {
    task: result.taskId,
    status: result.status,
    ...(result.error ? { error: result.error } : {}),
    lines: result.lines.map((line) => ({
      label: line.label,
      value: line.value,
      reference: line.reference,
      matches: line.matches,
    })),
    checks: result.checks.map((check) => ({ name: check.name, ok: check.ok })),
  };
}

/** The text: a heading, the notebook's printout, its checks, and what they are not. */
export function runText(result: NotebookResult, color: boolean): string {
  const paint = (style: Parameters<typeof styleText>[0], text: string) =>
    color ? styleText(style, text, { validateStream: false }) : text;
  // The data are the tutor's, seeded: the numbers differ from the lab's numpy printout.
  const source = result.file ? `your ${result.file}` : 'section 0';
  const out = [
    paint('bold', `The notebook's cell of ${result.taskId}, on ${source} and the tutor's data:`),
  ];
  for (const line of reportLines(result, `\`logreg-tutor check ${result.taskId}\``)) {
    switch (line.kind) {
      case 'error':
        out.push(...line.text.split('\n').map((text) => paint('red', text)));
        break;
      case 'value':
        out.push(
          `${line.label} ${line.value}${line.reference === undefined ? '' : paint('yellow', `  (tutor: ${line.reference})`)}`,
        );
        break;
      case 'check':
        out.push(paint(line.ok ? 'green' : 'red', checkText(line.name, line.ok)));
        break;
      case 'note':
        out.push(paint('dim', line.text));
        break;
    }
  }
  return out.join('\n');
}
