// The progress store on disk: one JSON file written by conf (atomically, after every change),
// holding per-workspace records keyed by the workspace's absolute path.
import path from 'node:path';
import Conf from 'conf';
import { z } from 'zod';
import packageJson from '../../package.json' with { type: 'json' };
import type { TaskResult } from '../engine/types.js';
import {
  emptyTaskProgress,
  type ProgressStore,
  type TaskProgress,
  type WorkspaceProgress,
} from './types.js';

/** Overrides the folder of the progress file (tests, portable installs). */
export const configDirVariable = 'LOGREG_TUTOR_CONFIG_DIR';

// Loose objects keep fields a newer tutor wrote, so running an older one does not erase them.
const taskProgressSchema = z.looseObject({
  attempts: z.number().int().nonnegative(),
  lastStatus: z.enum(['pass', 'fail', 'compile-error', 'timeout', 'crash']).optional(),
  lastCheckedAt: z.string().optional(),
  passedChecks: z.number().int().nonnegative().optional(),
  totalChecks: z.number().int().nonnegative().optional(),
  firstPassedAt: z.string().optional(),
  hintsShown: z.number().int().nonnegative(),
});

const workspaceProgressSchema = z.looseObject({
  lastLesson: z.string().optional(),
  tasks: z.record(z.string(), taskProgressSchema),
});

const storeSchema = z.looseObject({
  lastWorkspace: z.string().optional(),
  workspaces: z.record(z.string(), workspaceProgressSchema).default({}),
});

/** The progress file. Other top-level keys (conf's `__internal__`, a newer tutor's) pass through. */
interface StoreData {
  [key: string]: unknown;
  lastWorkspace?: string;
  workspaces: Readonly<Record<string, WorkspaceProgress>>;
}

/**
 * Upgrades a store written by an older tutor, by the version that needs it (conf runs each one
 * once, in order, and records the version in the file). Add an entry when the format changes.
 */
const migrations: Record<string, (store: Conf<StoreData>) => void> = {
  '0.1.0': (store) => {
    if (!store.has('workspaces')) store.set('workspaces', {});
  },
};

/** Options of `openProgressStore`. */
export interface StoreOptions {
  /** Folder of the progress file; default `$LOGREG_TUTOR_CONFIG_DIR`, else the user's config folder. */
  readonly cwd?: string;
  /** The tutor's version, for migrations; default the one in package.json. */
  readonly projectVersion?: string;
}

/** Opens (creating if needed) the progress store. Throws an Error naming the file on a bad store. */
export function openProgressStore(options: StoreOptions = {}): ProgressStore {
  const cwd = options.cwd ?? (process.env[configDirVariable] || undefined);
  // A test that forgot to isolate its store would write to the student's real progress.
  if (!cwd && process.env.VITEST) {
    throw new Error(
      `Refusing to open the real progress store during tests: set ${configDirVariable} to a temporary folder.`,
    );
  }
  let conf: Conf<StoreData>;
  try {
    conf = new Conf<StoreData>({
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
  } catch (error) {
    throw new Error(
      `Failed to open the progress store${cwd ? ` in \`${cwd}\`` : ''}: ${(error as Error).message}. Fix or delete the file (your workspace files are not in it).`,
    );
  }
  return new ConfProgressStore(conf);
}

class ConfProgressStore implements ProgressStore {
  constructor(private readonly conf: Conf<StoreData>) {}

  get path(): string {
    return this.conf.path;
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

  lastWorkspace(): string | undefined {
    return this.read().lastWorkspace;
  }

  setLastWorkspace(dir: string): void {
    // Every command sets it; an unchanged value is not worth a write (each one is fsynced).
    if (this.read().lastWorkspace !== key(dir)) this.write('lastWorkspace', key(dir));
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

  // Reads the file afresh before each change, so a second tutor on the same store (the TUI
  // and `check` in another terminal) loses as little as possible.
  private updateWorkspace(
    dir: string,
    change: (workspace: WorkspaceProgress) => WorkspaceProgress,
  ): WorkspaceProgress {
    const workspaces = this.read().workspaces;
    const next = change(workspaces[key(dir)] ?? { tasks: {} });
    this.write('workspaces', { ...workspaces, [key(dir)]: next });
    return next;
  }

  private read(): StoreData {
    let raw: unknown;
    try {
      raw = this.conf.store;
    } catch (error) {
      throw new Error(
        `Failed to read the progress file \`${this.conf.path}\`: ${(error as Error).message}. Fix or delete it (your workspace files are not in it).`,
      );
    }
    const parsed = storeSchema.safeParse(raw);
    if (parsed.success) return parsed.data as StoreData;
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.map(String).join(' → ') : '(top level)';
    throw new Error(
      `The progress file \`${this.conf.path}\` is damaged: field \`${field}\`: ${issue?.message ?? 'invalid'}. Fix or delete it (your workspace files are not in it).`,
    );
  }

  private write<K extends keyof StoreData>(name: K, value: StoreData[K]): void {
    try {
      this.conf.set(name, value);
    } catch (error) {
      throw new Error(
        `Failed to save progress to \`${this.conf.path}\`: ${(error as Error).message}.`,
      );
    }
  }
}

function withResult(task: TaskProgress, result: TaskResult, now: string): TaskProgress {
  return {
    ...task,
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
