// The student's workspace on disk: creating it, finding it, noticing deleted files, and putting
// a task's starter back after keeping a copy of what the student wrote.
import {
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { Course, TaskLesson } from '../lessons/types.js';

/** Where a workspace goes when nothing else says (relative to the current folder). */
export const defaultWorkspaceName = 'logreg-lab';

/** Folder inside the workspace that `reset` copies the student's files into. */
export const backupFolder = '.backups';

/** Every file of a new workspace, name → contents: lab.ts, tsconfig.json, README.md, the starters. */
export function workspaceTemplate(course: Course): Record<string, string> {
  const files: Record<string, string> = { ...course.workspaceFiles };
  for (const task of course.tasks) files[task.file] = task.starter;
  return files;
}

/** What `scaffoldWorkspace` did, by file name (relative to the workspace). */
export interface ScaffoldResult {
  /** Absolute path of the workspace. */
  readonly dir: string;
  readonly created: readonly string[];
  /** Files that were there already and were left alone. */
  readonly kept: readonly string[];
}

/**
 * Creates the workspace at `dir` with every file it lacks. Never overwrites: an existing file,
 * however different, is kept, so running it again restores only what was deleted.
 */
export function scaffoldWorkspace(course: Course, dir: string): ScaffoldResult {
  const root = path.resolve(dir);
  try {
    mkdirSync(root, { recursive: true });
  } catch (error) {
    throw new Error(
      `Failed to create the workspace folder \`${root}\`: ${(error as Error).message}. Choose another folder.`,
    );
  }
  const created: string[] = [];
  const kept: string[] = [];
  for (const [name, text] of Object.entries(workspaceTemplate(course))) {
    try {
      // 'wx' fails when the file exists, so a file made between a check and a write is kept too.
      writeFileSync(path.join(root, name), text, { flag: 'wx' });
      created.push(name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new Error(
          `Failed to write \`${path.join(root, name)}\`: ${(error as Error).message}.`,
        );
      }
      kept.push(name);
    }
  }
  return { dir: root, created, kept };
}

/** Where the workspace came from, for messages. */
export type WorkspaceSource = 'option' | 'current' | 'remembered' | 'default';

/**
 * The workspace to use: the one named on the command line, else the current folder when it is
 * a workspace (after `cd logreg-lab`), else the one used last if it is still there, else
 * `./logreg-lab`. Always an absolute path.
 */
export function resolveWorkspaceDir(options: {
  readonly option?: string | undefined;
  readonly remembered?: string | undefined;
  readonly cwd?: string;
}): { dir: string; source: WorkspaceSource } {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  if (options.option !== undefined && options.option !== '')
    return { dir: path.resolve(cwd, options.option), source: 'option' };
  // After `cd logreg-lab` the folder the student stands in wins over the one used last: with two
  // workspaces, checking the other one would be a surprise.
  if (existsSync(path.join(cwd, 'lab.ts'))) return { dir: cwd, source: 'current' };
  if (options.remembered && isDirectory(options.remembered))
    return { dir: path.resolve(options.remembered), source: 'remembered' };
  return { dir: path.resolve(cwd, defaultWorkspaceName), source: 'default' };
}

/** Whether `dir` holds a workspace, as a value the caller turns into a message. */
export type WorkspaceStatus =
  | { readonly kind: 'ok' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'not-a-folder' }
  /** A folder, but with neither lab.ts nor any task file in it. */
  | { readonly kind: 'not-a-workspace' };

/** Checks that `dir` is a workspace: a folder holding lab.ts or at least one task file. */
export function inspectWorkspace(course: Course, dir: string): WorkspaceStatus {
  if (!existsSync(dir)) return { kind: 'missing' };
  if (!isDirectory(dir)) return { kind: 'not-a-folder' };
  const markers = ['lab.ts', ...course.tasks.map((task) => task.file)];
  return markers.some((name) => existsSync(path.join(dir, name)))
    ? { kind: 'ok' }
    : { kind: 'not-a-workspace' };
}

/** Files of the template that are not in the workspace (deleted or renamed), in template order. */
export function missingFiles(course: Course, dir: string): string[] {
  return Object.keys(workspaceTemplate(course)).filter((name) => !existsSync(path.join(dir, name)));
}

/** Tasks whose file is not in the workspace; `resetTask` restores each from its starter. */
export function missingTaskFiles(course: Course, dir: string): TaskLesson[] {
  return course.tasks.filter((task) => !existsSync(path.join(dir, task.file)));
}

/** What `resetTask` did. */
export interface ResetResult {
  readonly file: string;
  /** Path of the copy of the student's file, relative to the workspace; absent when none was needed. */
  readonly backup?: string;
  /** Why no backup was made: the file was missing, or already held the starter. */
  readonly reason?: 'missing' | 'unchanged';
}

/**
 * Puts the task's starter back. The student's file is first copied to
 * `.backups/<name>.<time>.ts`, so nothing they wrote is ever lost.
 */
export function resetTask(
  task: Pick<TaskLesson, 'file' | 'starter'>,
  dir: string,
  now: Date = new Date(),
): ResetResult {
  const target = path.join(dir, task.file);
  let current: string | undefined;
  try {
    current = readFileSync(target, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`Failed to read \`${target}\`: ${(error as Error).message}.`);
    }
  }
  if (current === task.starter) return { file: task.file, reason: 'unchanged' };

  let backup: string | undefined;
  if (current !== undefined) {
    backup = writeBackup(dir, task.file, now);
  }
  try {
    writeFileSync(target, task.starter);
  } catch (error) {
    throw new Error(`Failed to write the starter to \`${target}\`: ${(error as Error).message}.`);
  }
  return backup ? { file: task.file, backup } : { file: task.file, reason: 'missing' };
}

/**
 * Puts back the starter of a task whose file is missing (the TUI's `R`). Never overwrites: a
 * file that is there, or appears meanwhile, is left alone and `exists` comes back.
 */
export function restoreStarter(
  task: Pick<TaskLesson, 'file' | 'starter'>,
  dir: string,
): 'restored' | 'exists' {
  const target = path.join(dir, task.file);
  try {
    writeFileSync(target, task.starter, { flag: 'wx' });
    return 'restored';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw new Error(`Failed to restore the starter to \`${target}\`: ${(error as Error).message}.`);
  }
}

/** `01-sigmoid.2026-11-28T12-01-03.ts` (then `…03_2.ts`): sorts by time, and has no `:` (Windows). */
export function backupName(file: string, date: Date, attempt = 1): string {
  const stamp = date.toISOString().slice(0, 19).replaceAll(':', '-');
  const extension = path.extname(file);
  const stem = file.slice(0, file.length - extension.length);
  return `${stem}.${stamp}${attempt > 1 ? `_${attempt}` : ''}${extension}`;
}

function writeBackup(dir: string, file: string, now: Date): string {
  const folder = path.join(dir, backupFolder);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new Error(
      `Failed to create the backup folder \`${folder}\`: ${(error as Error).message}. Nothing was reset.`,
    );
  }
  // Two resets within a second must not overwrite the first backup.
  for (let attempt = 1; attempt < 100; attempt++) {
    const relative = path.join(backupFolder, backupName(file, now, attempt));
    try {
      copyFileSync(path.join(dir, file), path.join(dir, relative), constants.COPYFILE_EXCL);
      return relative;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new Error(
        `Failed to back up \`${file}\` to \`${path.join(dir, relative)}\`: ${(error as Error).message}. Nothing was reset.`,
      );
    }
  }
  throw new Error(
    `Failed to back up \`${file}\`: \`${folder}\` already holds 99 backups from this second.`,
  );
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
