// The start-up re-check's slice of the UI state: tasks whose files changed since their recorded
// verdict (edited while the tutor was closed) are marked on the map and checked again in the
// background, one at a time, whenever no check the student asked for is running (see
// stale/reducer.ts).
import type { TaskResult } from '../../engine/types.js';
import type { StaleReason, StaleTask } from '../../progress/changed-tasks.js';
import type { WorkspaceProgress } from '../../progress/types.js';

/** Where the background re-check of one stale task stands. */
export interface StaleMark {
  readonly reason: StaleReason;
  /**
   * `queued` until its turn, `checking` while it runs, `not-checked` when the check could not
   * be run (the task is checked when next opened).
   */
  readonly status: 'queued' | 'checking' | 'not-checked';
}

/** The slice's actions: the answers of the services. */
export type StaleAction =
  /** After the first frame: the tasks whose recorded verdict no longer describes their files. */
  | { readonly type: 'stale-found'; readonly tasks: readonly StaleTask[] }
  | {
      readonly type: 'stale-checked';
      readonly taskId: string;
      readonly result: TaskResult;
      readonly at: number;
      readonly progress?: WorkspaceProgress;
    }
  | { readonly type: 'stale-failed'; readonly taskId: string };

/** The slice's effects: app/use-tutor.ts hands them to stale/use-stale-checks.ts. */
export type StaleEffect =
  | { readonly type: 'check-stale'; readonly taskId: string }
  | { readonly type: 'cancel-stale' };

/** The slice's action types; none is a key, so none clears the notice. */
export const staleAnswerTypes: readonly StaleAction['type'][] = [
  'stale-found',
  'stale-checked',
  'stale-failed',
];

/** True for an action of this slice. */
export function isStaleAction(action: { readonly type: string }): action is StaleAction {
  return (staleAnswerTypes as readonly string[]).includes(action.type);
}

/** What the map says of a stale task in place of its old verdict; undefined keeps the verdict. */
export function staleWord(mark: StaleMark | undefined): string | undefined {
  if (!mark) return undefined;
  if (mark.reason === 'unknown') {
    // Recorded by an older tutor: the verdict may well hold, so it stays unless a check runs.
    return mark.status === 'checking' ? 'checking again…' : undefined;
  }
  const status = { queued: 'queued', checking: 'checking…', 'not-checked': 'open it to check' };
  return `changed since last check · ${status[mark.status]}`;
}
