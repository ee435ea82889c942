// Runs a lesson's notebook cell: the student's file loaded in the sandbox, as for the checks
// and with their limits, and the cell's lines and visible checks as a NotebookResult. What the
// student's code does is data in the result, never an exception.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { cellsByLesson } from '../../lessons/cells.js';
import { CheckFailure, type Failure } from '../engine/check-kit.js';
import { missingFileResult } from '../engine/check-tasks.js';
import { failureMessage, type MistakeText } from '../engine/run-task.js';
import { type RunOptions, type SessionTask, withStudentModule } from '../engine/session.js';
import type { TaskStatus } from '../engine/types.js';
import { type CellOutput, compare, type NotebookCell, printed, roundingTolerance } from './cell.js';
import type { NotebookCheck, NotebookLine, NotebookResult } from './types.js';

export type { RunOptions } from '../engine/session.js';

/** What the runner needs of a lesson: its id and, for a task, its file and export. */
export type CellLesson =
  | { readonly kind: 'intro'; readonly id: string }
  | (SessionTask & {
      readonly kind: 'task';
      readonly mistakes: Readonly<Record<string, MistakeText>>;
    });

/** True when the lesson has a notebook cell (every lesson of the lab has). */
export function hasCell(lessonId: string, cells = cellsByLesson): boolean {
  return lessonId in cells;
}

/**
 * Runs the cell of `lesson` on the student's file. Rejects with an AbortError when
 * `options.signal` aborts, and throws for a lesson without a cell (a bug of the course).
 */
export async function runCell(
  lesson: CellLesson,
  options: RunOptions,
  cells: Readonly<Record<string, NotebookCell>> = cellsByLesson,
): Promise<NotebookResult> {
  const cell = cells[lesson.id];
  if (!cell) throw new Error(`Lesson \`${lesson.id}\` has no notebook cell.`);
  const started = performance.now();
  const out = new Recorder(cell.checks);
  const base = { taskId: lesson.id, notImplemented: false, output: { text: '', droppedBytes: 0 } };
  const finish = (result: Omit<NotebookResult, 'durationMs'>): NotebookResult => ({
    ...result,
    durationMs: Math.round(performance.now() - started),
  });

  if (cell.kind === 'tutor') {
    cell.run(out);
    return finish({ ...base, status: out.status(), lines: out.lines, checks: out.verdicts() });
  }
  if (lesson.kind !== 'task') throw new Error(`Lesson \`${lesson.id}\` has no student code.`);
  const task = { ...base, file: lesson.file };
  // Said as \`check\` says it, with the way back, rather than as a bundler's "could not resolve".
  if (!existsSync(path.join(options.workspaceDir, lesson.file))) {
    const { error } = missingFileResult({ ...lesson, checks: [] });
    return finish({ ...task, status: 'compile-error', error, lines: [], checks: out.verdicts() });
  }
  const end = await withStudentModule(lesson, options, async (session) => {
    try {
      await cell.run(session.context('notebook'), out);
      return undefined;
    } catch (error) {
      // A call that failed (a throw, the TODO, a Promise) ends the cell, as it would in Python.
      if (error instanceof CheckFailure) return error.failure;
      throw error;
    }
  });

  switch (end.kind) {
    case 'compile-error':
      return finish({
        ...task,
        status: 'compile-error',
        error: end.error,
        lines: [],
        checks: out.verdicts(),
      });
    case 'stopped':
      return finish({
        ...task,
        status: end.status,
        error: end.error,
        lines: out.lines,
        checks: out.verdicts(),
        output: end.output,
      });
    case 'done': {
      const failure: Failure | undefined = end.value;
      return finish({
        ...task,
        status: failure ? 'fail' : out.status(),
        ...(failure ? { error: failureMessage(failure, lesson) } : {}),
        notImplemented: failure?.notImplemented === true,
        lines: out.lines,
        checks: out.verdicts(),
        output: end.output,
      });
    }
  }
}

/** Collects what a cell prints; a check the cell never reached is not OK. */
class Recorder implements CellOutput {
  readonly lines: NotebookLine[] = [];
  private readonly found = new Map<string, boolean>();

  constructor(private readonly names: readonly string[]) {}

  line(
    label: string,
    got: unknown,
    reference: number | readonly number[],
    tolerance = roundingTolerance,
  ): void {
    const { value, matches } = compare(got, reference, tolerance);
    this.lines.push({ label, value, reference: printed(reference), matches });
  }

  fact(label: string, value: string): void {
    this.lines.push({ label, value, reference: value, matches: true });
  }

  check(name: string, ok: boolean): void {
    if (!this.names.includes(name)) throw new Error(`The cell has no check \`${name}\`.`);
    this.found.set(name, ok);
  }

  verdicts(): NotebookCheck[] {
    return this.names.map((name) => ({ name, ok: this.found.get(name) ?? false }));
  }

  status(): TaskStatus {
    return this.verdicts().every((check) => check.ok) ? 'pass' : 'fail';
  }
}
