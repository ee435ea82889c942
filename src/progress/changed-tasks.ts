// Which recorded verdicts may no longer hold at start-up: the tasks whose files changed since
// their last check (edited while the tutor was closed), found by the files' content hashes.
import { currentSourceHashes, type SourceHashes, sameSources } from '../engine/source-hash.js';
import type { TaskLesson } from '../lessons/types.js';
import type { TaskProgress, WorkspaceProgress } from './types.js';

/**
 * Why a task's last verdict is checked again: its files changed since (`changed`), or it was
 * recorded without the files' hashes, by an older tutor (`unknown`).
 */
export type StaleReason = 'changed' | 'unknown';

/** A task whose recorded verdict is to be checked again, and why. */
export interface StaleTask {
  readonly taskId: string;
  readonly reason: StaleReason;
}

/** The files whose hashes decide whether `record` still holds: those its check read. */
export function filesToCompare(task: Pick<TaskLesson, 'file'>, record: TaskProgress): string[] {
  return record.sources ? Object.keys(record.sources) : [task.file];
}

/**
 * Whether the last verdict of `record` still holds for files now hashing to `current`: undefined
 * when it does, or when nothing was ever checked (there is no verdict to go stale).
 */
export function staleReason(
  record: TaskProgress | undefined,
  current: SourceHashes,
): StaleReason | undefined {
  if (record?.lastStatus === undefined) return undefined;
  if (!record.sources) return 'unknown';
  return sameSources(record.sources, current) ? undefined : 'changed';
}

/** The tasks of `tasks` whose recorded verdict no longer describes their files, in order. */
export async function staleTasks(
  tasks: readonly Pick<TaskLesson, 'id' | 'file'>[],
  progress: WorkspaceProgress,
  workspaceDir: string,
): Promise<StaleTask[]> {
  const found = await Promise.all(
    tasks.map(async (task) => {
      const record = progress.tasks[task.id];
      if (record?.lastStatus === undefined) return undefined;
      const current = await currentSourceHashes(workspaceDir, filesToCompare(task, record));
      const reason = staleReason(record, current);
      return reason ? { taskId: task.id, reason } : undefined;
    }),
  );
  return found.filter((task): task is StaleTask => task !== undefined);
}
