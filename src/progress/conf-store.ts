// The progress store on disk: one JSON file written by conf (atomically, after every change),
// holding per-workspace records keyed by the workspace's absolute path. Conf's class is given to
// it, so the caller decides when conf is loaded: store.ts opens the file at once (commands), and
// `openProgressStoreInBackground` lets the TUI draw its first frame from the file's contents
// while conf loads (conf and what it imports are a good part of a start).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type Conf from 'conf';
import packageJson from '../../package.json' with { type: 'json' };
import type { TaskResult } from '../engine/types.js';
import { withAnswer, withSelfMark } from './answers.js';
import { tryWithFileLock } from './file-lock.js';
import { mergeStores } from './merge.js';
import { defaultConfigDir, describe, fileProblem, isDamage, moveAside } from './store-file.js';
import { readQuietly, type StoreData, storeSchema } from './store-schema.js';
import {
  type AnswerVersion,
  emptyTaskProgress,
  type ProgressStore,
  type SelfMark,
  type TaskProgress,
  type WorkspaceProgress,
} from './types.js';

/** Conf's class, as the store uses it. */
export type ConfClass = typeof Conf<StoreData>;

/** Overrides the folder of the progress file (tests, portable installs). */
export const configDirVariable = 'LOGREG_TUTOR_CONFIG_DIR';

/**
 * Upgrades a store written by an older tutor, by the version that needs it (conf runs each one
 * once, in order, and records the version in the file). Add an entry when the format changes.
 */
const migrations: Record<string, (store: Conf<StoreData>) => void> = {
  '0.1.0': (store) => {
    if (!store.has('workspaces')) store.set('workspaces', {});
  },
};

/**
 * How long a save (or opening the file, which conf may write) waits for another tutor to let go
 * of the lock before going on with the change kept in memory: the tutor is blocked meanwhile, so
 * it is short. A tutor quitting with changes still in memory waits longer.
 */
const lockWaitMs = 1000;
const exitWaitMs = 5000;
/** How often changes kept in memory try the lock again. */
const retryMs = 100;

type Change = (data: StoreData) => StoreData;

/** Options of `openProgressStore`. */
export interface StoreOptions {
  /** Folder of the progress file; default `$LOGREG_TUTOR_CONFIG_DIR`, else the user's config folder. */
  readonly cwd?: string;
  /** The tutor's version, for migrations; default the one in package.json. */
  readonly projectVersion?: string;
}

/** The progress file, and its folder when it is not conf's default (the user's config folder). */
function storeFile(options: StoreOptions): {
  readonly cwd: string | undefined;
  readonly file: string;
} {
  const cwd = options.cwd ?? (process.env[configDirVariable] || undefined);
  // A test that forgot to isolate its store would write to the student's real progress.
  if (!cwd && process.env.VITEST) {
    throw new Error(
      `Refusing to open the real progress store during tests: set ${configDirVariable} to a temporary folder.`,
    );
  }
  return { cwd, file: path.resolve(cwd ?? defaultConfigDir(), 'progress.json') };
}

/** How conf opens the progress file. */
function confOpener(
  Conf: ConfClass,
  cwd: string | undefined,
  options: StoreOptions,
): () => Conf<StoreData> {
  return () =>
    new Conf({
      projectName: 'logreg-tutor',
      // `~/.config/logreg-tutor`, not conf's default `logreg-tutor-nodejs`.
      projectSuffix: '',
      configName: 'progress',
      ...(cwd ? { cwd } : {}),
      projectVersion: options.projectVersion ?? packageJson.version,
      migrations,
      // Workspace keys are paths, full of dots.
      accessPropertiesByDotNotation: false,
    });
}

/**
 * Opens (creating if needed) the progress store with conf's class. Never fails on the file: a
 * damaged or unreadable one is moved aside and a fresh one started, and a folder that cannot be
 * written leaves the store in memory; either way `takeNotices` says so, in one line.
 */
export function openStoreWith(Conf: ConfClass, options: StoreOptions = {}): ProgressStore {
  const { cwd, file } = storeFile(options);
  const store = new ConfProgressStore(file);
  store.open(confOpener(Conf, cwd, options));
  return store;
}

/**
 * The progress store for the interactive tutor: it holds what the file holds at once, so that the
 * first frame need not wait for conf, which is loaded once `after` settles (the TUI passes its
 * first frame: even starting the import, which compiles conf's code, would delay the frame).
 * Changes made before conf has opened the file are kept in memory (reads see them) and saved
 * then; `whenOpen` resolves after. Never fails, as `openStoreWith` does not.
 */
export function openProgressStoreInBackground(
  options: StoreOptions = {},
  after: Promise<unknown> = Promise.resolve(),
): ProgressStore {
  const { cwd, file } = storeFile(options);
  const store = new ConfProgressStore(file, readQuietly(file));
  const loaded = after
    .catch(() => undefined)
    .then(() => import('conf'))
    .then(({ default: Conf }) => confOpener(Conf, cwd, options));
  store.openWhenLoaded(loaded);
  return store;
}

/** Runs `open` holding the store's lock, making its folder first so that the lock can be made. */
function openLocked<T>(file: string, open: () => T) {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
  } catch {
    // Conf fails on the same folder next, and that failure is reported.
  }
  return tryWithFileLock(file, lockWaitMs, open);
}

class ConfProgressStore implements ProgressStore {
  /** Undefined until the file is open, and when it cannot be used at all (then the store lives in memory). */
  private conf: Conf<StoreData> | undefined;
  /** The store as last read or written: what the tutor goes on with when the file fails it. */
  private memory: StoreData;
  /** `memory` holds changes the file lacks (a save failed, or the file was moved aside). */
  private unsaved = false;
  private warnedUnsaved = false;
  private warnedBusy = false;
  private readonly notices: string[] = [];
  /**
   * Changes made before the file could be opened (conf still loading, or another tutor holding
   * the lock), oldest first: kept in memory (reads see them) and made on the file, in order, as
   * soon as it can be. Replayed on what the file holds then, so that counts add up rather than
   * one tutor's copy winning.
   */
  private pending: Change[] = [];
  private retry: NodeJS.Timeout | undefined;
  /**
   * Opens the file: set while the lock was too busy to open it under; `loading` while conf's
   * module is on its way.
   */
  private openLater: (() => Conf<StoreData>) | 'loading' | undefined;
  private opened: Promise<void> = Promise.resolve();
  private readonly saveAtExit = () => {
    if (!this.flush(exitWaitMs))
      process.stderr.write(
        `logreg-tutor: Progress not saved: \`${this.file}\` stayed locked by another process.\n`,
      );
  };

  constructor(
    private readonly file: string,
    /** What the file held, read without conf: what the store goes on with until it is open. */
    private readonly snapshot?: StoreData,
  ) {
    this.memory = snapshot ?? { workspaces: {} };
  }

  /**
   * Opens the file under the lock. Conf's first read and its migration writes are a
   * read-change-write too, and a second tutor starting while the first saves would otherwise
   * undo that save; so it is never opened without the lock: until the lock is free, the store
   * goes on with what the file held, and keeps the changes in memory.
   */
  open(openConf: () => Conf<StoreData>): void {
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = openLocked(this.file, () => {
          this.conf = openConf();
          this.openLater = undefined;
          this.savePending();
        });
        if (outcome.kind === 'busy') {
          this.memory = this.snapshot ?? readQuietly(this.file);
          this.openLater = openConf;
          this.waitForLock(outcome.holder);
        }
        break;
      } catch (error) {
        this.conf = undefined;
        const problem = fileProblem(this.file);
        if (attempt === 1 && problem !== undefined && moveAside(this.file, problem, this.notices))
          continue;
        this.memory = this.snapshot ?? readQuietly(this.file);
        this.cannotSave(error);
        break;
      }
    }
    // A damaged file is found (and moved aside) now, not at the first save.
    this.read();
  }

  /** Opens the file once conf's module has loaded (see `openProgressStoreInBackground`). */
  openWhenLoaded(loaded: Promise<() => Conf<StoreData>>): void {
    this.openLater = 'loading';
    this.opened = loaded.then(
      (openConf) => this.open(openConf),
      (error: unknown) => this.cannotSave(error),
    );
  }

  whenOpen(): Promise<void> {
    return this.opened;
  }

  /** The file cannot be used: the store goes on in memory, with what it knew and the changes since. */
  private cannotSave(error: unknown): void {
    this.openLater = undefined;
    this.conf = undefined;
    this.memory = this.pending.reduce((data, change) => change(data), this.memory);
    this.pending = [];
    this.notices.push(
      `Progress cannot be saved to \`${this.file}\` (${describe(error)}): the tutor goes on, but forgets what you do when it quits.`,
    );
  }

  get path(): string {
    return this.file;
  }

  takeNotices(): string[] {
    return this.notices.splice(0);
  }

  workspace(dir: string): WorkspaceProgress {
    return this.read().workspaces[key(dir)] ?? { tasks: {} };
  }

  recordResult(dir: string, result: TaskResult): WorkspaceProgress {
    return this.recordResults(dir, [result]);
  }

  recordResults(dir: string, results: readonly TaskResult[]): WorkspaceProgress {
    const now = new Date().toISOString();
    return this.updateWorkspace(dir, (workspace) => {
      const tasks = { ...workspace.tasks };
      for (const result of results)
        tasks[result.taskId] = withResult(tasks[result.taskId] ?? emptyTaskProgress, result, now);
      return { ...workspace, tasks };
    });
  }

  recordHint(dir: string, taskId: string): WorkspaceProgress {
    return this.updateTask(dir, taskId, (task) => ({ ...task, hintsShown: task.hintsShown + 1 }));
  }

  setLastLesson(dir: string, lessonId: string): WorkspaceProgress {
    return this.updateWorkspace(dir, (workspace) => ({ ...workspace, lastLesson: lessonId }));
  }

  recordTuiStart(dir: string): boolean {
    const workspace = this.workspace(dir);
    // A last lesson is set only by the interactive tutor: a workspace from before this record
    // was opened there already.
    if (workspace.tuiOpenedAt !== undefined || workspace.lastLesson !== undefined) return false;
    const now = new Date().toISOString();
    this.updateWorkspace(dir, (current) => ({ ...current, tuiOpenedAt: now }));
    return true;
  }

  submitAnswer(dir: string, questionId: string, text: string): WorkspaceProgress {
    const now = new Date().toISOString();
    return this.updateWorkspace(dir, (workspace) => withAnswer(workspace, questionId, text, now));
  }

  markIdea(
    dir: string,
    questionId: string,
    ideaId: string,
    mark: SelfMark | undefined,
  ): WorkspaceProgress {
    const now = new Date().toISOString();
    return this.updateWorkspace(dir, (workspace) =>
      withSelfMark(workspace, questionId, ideaId, mark, now),
    );
  }

  answers(dir: string): Readonly<Record<string, readonly AnswerVersion[]>> {
    return this.workspace(dir).answers ?? {};
  }

  lastWorkspace(): string | undefined {
    return this.read().lastWorkspace;
  }

  setLastWorkspace(dir: string): void {
    // Every command sets it; an unchanged value is not worth a write (each one is fsynced).
    if (this.read().lastWorkspace === key(dir)) return;
    this.save((data) => ({ ...data, lastWorkspace: key(dir) }));
  }

  private updateTask(
    dir: string,
    taskId: string,
    change: (task: TaskProgress) => TaskProgress,
  ): WorkspaceProgress {
    return this.updateWorkspace(dir, (workspace) => ({
      ...workspace,
      tasks: { ...workspace.tasks, [taskId]: change(workspace.tasks[taskId] ?? emptyTaskProgress) },
    }));
  }

  private updateWorkspace(
    dir: string,
    change: (workspace: WorkspaceProgress) => WorkspaceProgress,
  ): WorkspaceProgress {
    const saved = this.save((data) => ({
      ...data,
      workspaces: {
        ...data.workspaces,
        [key(dir)]: change(data.workspaces[key(dir)] ?? { tasks: {} }),
      },
    }));
    return saved.workspaces[key(dir)] ?? { tasks: {} };
  }

  // Each change is made to the file read afresh under the lock, so that a second tutor on the
  // same store (the TUI and `check` in another terminal) loses nothing: each change is made to
  // what the other last saved. Never without the lock: see `pending`.
  private save(change: Change): StoreData {
    if (!this.conf && !this.openLater) {
      this.memory = change(this.memory);
      return this.memory;
    }
    this.pending.push(change);
    if (!this.flush(lockWaitMs)) return this.read();
    return this.memory;
  }

  flush(waitMs: number): boolean {
    // Saved as soon as conf has opened the file (see `openWhenLoaded`).
    if (this.openLater === 'loading') return this.pending.length === 0;
    if (this.pending.length === 0 && !this.openLater) return true;
    const openLater = this.openLater;
    const outcome = tryWithFileLock(this.file, waitMs, () => {
      if (openLater) this.openNow(openLater);
      this.savePending();
    });
    if (outcome.kind === 'busy') {
      this.waitForLock(outcome.holder);
      return false;
    }
    clearInterval(this.retry);
    this.retry = undefined;
    process.off('exit', this.saveAtExit);
    return true;
  }

  private openNow(openConf: () => Conf<StoreData>): void {
    this.openLater = undefined;
    try {
      this.conf = openConf();
    } catch (error) {
      this.cannotSave(error);
    }
  }

  /** Makes the changes kept in memory on the file (under the lock, conf open). */
  private savePending(): void {
    if (!this.conf || this.pending.length === 0) return;
    const next = this.read();
    // In `next` now; a failed write keeps it as unsaved memory, merged with the file later.
    this.pending = [];
    this.write(next);
  }

  private waitForLock(holder: string): void {
    if (!this.warnedBusy) {
      this.warnedBusy = true;
      this.notices.push(
        `\`${this.file}\` is locked by ${holder}: your progress is kept in memory and saved as soon as it lets go.`,
      );
    }
    if (this.retry) return;
    this.retry = setInterval(() => this.flush(0), retryMs);
    // Neither keeps the process alive: at exit, the changes still waiting get a last try.
    this.retry.unref();
    process.on('exit', this.saveAtExit);
  }

  /** The store as the file holds it, with the changes still waiting for the lock made on it. */
  private read(): StoreData {
    const file = this.readFile();
    return this.pending.reduce((data, change) => change(data), file);
  }

  private readFile(): StoreData {
    if (!this.conf) return this.memory;
    let raw: unknown;
    try {
      raw = this.conf.store;
    } catch (error) {
      return isDamage(error) ? this.damaged(describe(error)) : this.unreadable(error);
    }
    const parsed = storeSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.length ? issue.path.map(String).join(' → ') : '(top level)';
      return this.damaged(`field \`${field}\`: ${issue?.message ?? 'invalid'}`);
    }
    const data = parsed.data as StoreData;
    this.memory = this.unsaved ? mergeStores(data, this.memory) : data;
    return this.memory;
  }

  /** Keeps a damaged file aside and goes on with what was known before it, saved anew. */
  private damaged(reason: string): StoreData {
    const then = 'a new one is written with the progress this tutor holds';
    if (moveAside(this.file, reason, this.notices, then)) {
      // Found by a read, nothing else would write the new file. Written under the lock once this
      // read is over (or at exit); found by a save, the save writes it first.
      this.pending.push((data) => data);
      setImmediate(() => this.flush(0));
      process.off('exit', this.saveAtExit);
      process.on('exit', this.saveAtExit);
    } else {
      // Never write over a file that could not be read or kept: it may hold the only copy.
      this.conf = undefined;
      this.memory = this.pending.reduce((data, change) => change(data), this.memory);
      this.pending = [];
      this.notices.push(
        `Progress cannot be saved: \`${this.file}\` could not be read (${reason}) nor moved aside. The tutor goes on, but forgets what you do when it quits.`,
      );
    }
    this.unsaved = true;
    return this.memory;
  }

  private unreadable(error: unknown): StoreData {
    this.warnUnsaved(`Failed to read progress from \`${this.file}\` (${describe(error)})`);
    return this.memory;
  }

  private write(next: StoreData): void {
    this.memory = next;
    if (!this.conf) return;
    try {
      this.conf.store = next;
      this.unsaved = false;
    } catch (error) {
      this.unsaved = true;
      this.warnUnsaved(`Failed to save progress to \`${this.file}\` (${describe(error)})`);
    }
  }

  // Once per session: the save is tried again at every change, and a freed disk catches up.
  private warnUnsaved(what: string): void {
    if (this.warnedUnsaved) return;
    this.warnedUnsaved = true;
    this.notices.push(
      `${what}. The tutor goes on and keeps your progress in memory; free some disk space or fix the folder's permissions.`,
    );
  }
}

function withResult(recorded: TaskProgress, result: TaskResult, now: string): TaskProgress {
  // The hashes of an older check no longer describe the verdict: a result without any (a test's)
  // leaves none.
  const { sources: _older, ...task } = recorded;
  return {
    ...task,
    ...(result.sources ? { sources: result.sources } : {}),
    attempts: task.attempts + 1,
    lastStatus: result.status,
    lastCheckedAt: now,
    passedChecks: result.checks.filter((check) => check.passed).length,
    totalChecks: result.checks.length,
    ...(result.status === 'pass' && task.firstPassedAt === undefined ? { firstPassedAt: now } : {}),
  };
}

function key(dir: string): string {
  return path.resolve(dir);
}
