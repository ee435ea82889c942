// Merging two versions of the progress file (two tutors on one workspace, or what a tutor kept in
// memory while the file could not be written): nothing either side recorded is lost.
import type { TaskProgress, WorkspaceProgress } from './types.js';

type Data = Record<string, unknown>;

/**
 * Merges `ours` into `theirs` (the file as it is now). Per task: the larger count of attempts
 * and hints, the earliest first pass, the last check's status from whichever checked last.
 * Other fields (a newer tutor's, answers) merge field by field: lists of records are united and
 * sorted by their time; for anything else the file wins.
 */
export function mergeStores<T extends Data>(theirs: T, ours: Data): T {
  const workspaces: Record<string, WorkspaceProgress> = {
    ...(ours.workspaces as Record<string, WorkspaceProgress> | undefined),
  };
  for (const [dir, workspace] of Object.entries(
    (theirs.workspaces as Record<string, WorkspaceProgress> | undefined) ?? {},
  )) {
    const mine = workspaces[dir];
    workspaces[dir] = mine ? mergeWorkspaces(workspace, mine) : workspace;
  }
  return { ...(mergeUnknown(theirs, ours) as T), workspaces };
}

/** One workspace's record, merged task by task. */
export function mergeWorkspaces(
  theirs: WorkspaceProgress,
  ours: WorkspaceProgress,
): WorkspaceProgress {
  const tasks: Record<string, TaskProgress> = { ...ours.tasks };
  for (const [id, task] of Object.entries(theirs.tasks)) {
    const mine = tasks[id];
    tasks[id] = mine ? mergeTasks(task, mine) : task;
  }
  const merged = mergeUnknown(theirs, ours) as unknown as WorkspaceProgress;
  return { ...merged, tasks };
}

/** One task's record from two tutors. */
export function mergeTasks(theirs: TaskProgress, ours: TaskProgress): TaskProgress {
  // The last check decides the status (and its counts); ISO times sort as strings. Two checks
  // in the same millisecond: ours, what this tutor recorded after reading the file (its older
  // check may be the one on file).
  const latest = (ours.lastCheckedAt ?? '') >= (theirs.lastCheckedAt ?? '') ? ours : theirs;
  const firstPassedAt = [theirs.firstPassedAt, ours.firstPassedAt]
    .filter((time): time is string => time !== undefined)
    .sort()[0];
  const merged: Record<string, unknown> = {
    ...(mergeUnknown(theirs, ours) as Data),
    attempts: Math.max(theirs.attempts, ours.attempts),
    hintsShown: Math.max(theirs.hintsShown, ours.hintsShown),
  };
  // The hashes describe the files of the last check alone: never a mix of two checks' files.
  const lastCheck = [
    'lastStatus',
    'lastCheckedAt',
    'passedChecks',
    'totalChecks',
    'sources',
  ] as const;
  for (const field of lastCheck) {
    if (latest[field] === undefined) delete merged[field];
    else merged[field] = latest[field];
  }
  if (firstPassedAt === undefined) delete merged.firstPassedAt;
  else merged.firstPassedAt = firstPassedAt;
  return merged as unknown as TaskProgress;
}

// Fields that name a record's time, in the order they are looked for.
const timeFields = ['at', 'answeredAt', 'savedAt', 'createdAt', 'time', 'timestamp'];

function timeOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  for (const field of timeFields) {
    const time = (value as Data)[field];
    if (typeof time === 'string' || typeof time === 'number') return String(time);
  }
  return '';
}

/** Field-by-field merge of records whose shape this tutor does not know (the file wins ties). */
function mergeUnknown(theirs: object, ours: object): unknown {
  const result: Data = { ...(ours as Data) };
  for (const [field, value] of Object.entries(theirs as Data)) {
    const mine = result[field];
    if (Array.isArray(value) && Array.isArray(mine)) {
      const seen = new Set<string>();
      const union = [...value, ...mine].filter((item) => {
        const id = JSON.stringify(item);
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
      // Stable: records without a time keep their order.
      result[field] = union.every((item) => timeOf(item) !== '')
        ? union.sort((a, b) => (timeOf(a) < timeOf(b) ? -1 : timeOf(a) > timeOf(b) ? 1 : 0))
        : union;
    } else if (isRecord(value) && isRecord(mine)) {
      result[field] = mergeUnknown(value, mine);
    } else {
      result[field] = value;
    }
  }
  return result;
}

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
