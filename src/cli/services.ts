// What the commands share: the usage error, the course and the progress store (loaded when first
// needed), the workspace a command works on, and a task or command named on the command line.

import { inspectWorkspace, resolveWorkspaceDir } from '../engine/workspace.js';
import type { LoadOptions } from '../lessons/load.js';
import type { Course, TaskLesson } from '../lessons/types.js';
import type { ProgressStore } from '../progress/types.js';
import { commandNames } from './command-names.js';
import { didYouMean } from './did-you-mean.js';
import { bin, displayPath, printNotice } from './output.js';
import { shellQuote } from './reopen-command.js';

// The lessons (zod, fast-check), the store (conf, ajv) and the checks' engine are imported when
// first needed (see `openCourse`, `openStore`, and each command's module): esbuild puts them in
// chunks of their own, loaded only when asked, so --help, --version and the no-terminal message
// skip their start-up cost.

/** A mistake in how the tutor was called: exit code 2, and the message says what to type instead. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The global options every command sees. */
export interface GlobalOptions {
  readonly workspace?: string;
  /** `--color` (true), `--no-color` (false), or neither. */
  readonly color?: boolean;
}

/** The options of a command that also prints `--json`. */
export interface JsonOptions extends GlobalOptions {
  readonly json?: boolean;
}

/** What a command that works on an existing workspace needs. */
export interface WorkspaceContext {
  readonly course: Course;
  /** Absolute path of the workspace. */
  readonly dir: string;
  readonly progress: ProgressStore;
}

/** The course, from lessons/ (validated); a failure says what failed to load. */
export async function openCourse(options: LoadOptions = {}): Promise<Course> {
  const { loadCourse } = await import('../lessons/load.js');
  try {
    return loadCourse(undefined, undefined, options);
  } catch (error) {
    throw new Error(`Failed to load the lessons: ${(error as Error).message}`);
  }
}

// The store of this run, so that what it has to tell the student (a damaged file moved aside,
// progress that cannot be saved) is printed on stderr when the command ends.
let openedStore: ProgressStore | undefined;

/** Opens the progress store, remembered so that its notices are printed when the command ends. */
export async function openStore(): Promise<ProgressStore> {
  const { openProgressStore } = await import('../progress/store.js');
  openedStore = openProgressStore();
  return openedStore;
}

/**
 * The interactive tutor's store: what the file holds at once, conf loaded and the file opened
 * once `after` settles (the first frame), so that the frame does not wait for them (see
 * conf-store.ts).
 */
export async function openStoreInBackground(after: Promise<unknown>): Promise<ProgressStore> {
  const { openProgressStoreInBackground } = await import('../progress/conf-store.js');
  openedStore = openProgressStoreInBackground({}, after);
  return openedStore;
}

/** Prints the store's notices that nothing has shown yet (the TUI shows its own). */
export function printStoreNotices(): void {
  for (const notice of openedStore?.takeNotices() ?? []) printNotice(notice);
}

/**
 * Prints a command's failure as one line on stderr (its stack too with LOGREG_TUTOR_DEBUG, unless
 * it is a usage error) and gives the exit code: 2 for a usage error, 1 for the tutor's side.
 */
export function reportFailure(error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${bin}: ${message}\n`);
  if (!(error instanceof UsageError) && process.env.LOGREG_TUTOR_DEBUG && error instanceof Error) {
    process.stderr.write(`${error.stack}\n`);
  }
  return error instanceof UsageError ? 2 : 1;
}

/** Finds the workspace (see `resolveWorkspaceDir`) and checks it is one; remembers it. */
export async function openWorkspace(
  course: Course,
  options: GlobalOptions,
): Promise<WorkspaceContext> {
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

/**
 * Brings the store and the workspace's answer files together before answers are printed (the
 * TUI does it on opening): notices on stderr, so that `--json` stays one document.
 */
export async function syncAnswers(context: WorkspaceContext): Promise<void> {
  const { syncAnswerFiles } = await import('../progress/answer-record.js');
  const sync = await syncAnswerFiles({
    course: context.course,
    store: context.progress,
    dir: context.dir,
  });
  for (const notice of sync.notices) printNotice(notice);
}

/** The task a student named: its id (`sigmoid`), file (`01-sigmoid.ts`), folder or number (`1`). */
export function findTask(course: Course, name: string): TaskLesson {
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
export function unknownCommand(name: string): UsageError {
  return new UsageError(
    `Unknown command \`${name}\`.${didYouMean(name, commandNames) || ` Commands: ${commandNames.join(', ')} (see \`${bin} --help\`).`}`,
  );
}
