// The task screen's slice of the UI state: each task's checks in this session, the pane shown,
// and the task screen's actions (see task/reducer.ts).
import type { Diagnostic, TaskResult } from '../../engine/types.js';
import type { WorkspaceProgress } from '../../progress/types.js';

/** What is known about the checks of one task in this session. */
export interface TaskRun {
  /** The check in flight; its result replaces `last` unless a newer run supersedes it. */
  readonly running?: { readonly runId: number; readonly startedAt: number };
  readonly last?: { readonly result: TaskResult; readonly checkedAt: number };
  /** The student cancelled the last run (Esc). */
  readonly cancelled?: boolean;
  /** The tutor failed to run the checks at all (a bug on our side), in one sentence. */
  readonly error?: string;
  /** Type errors of the file, from the type-checker; undefined until it has answered. */
  readonly typeErrors?: readonly Diagnostic[];
  /**
   * Its file was saved (or deleted) while another screen was open: opening the task checks it,
   * even if it was never checked before.
   */
  readonly savedSinceCheck?: boolean;
}

/** What the task screen's body shows. */
export type Pane = 'both' | 'checks' | 'lesson';

/** The pane `t` switches to from `pane`. */
export function nextPane(pane: Pane): Pane {
  return pane === 'both' ? 'checks' : pane === 'checks' ? 'lesson' : 'both';
}

/** The task screen's keys, and the answers of the services about checks and the editor. */
export type TaskAction =
  | { readonly type: 'back' }
  | { readonly type: 'scroll'; readonly by: number; readonly max: number }
  | { readonly type: 'cycle-pane' }
  | { readonly type: 'recheck' }
  | { readonly type: 'cancel' }
  | { readonly type: 'hint' }
  | { readonly type: 'solution' }
  | { readonly type: 'edit' }
  | { readonly type: 'next' }
  | { readonly type: 'files-saved'; readonly files: readonly string[] }
  | {
      readonly type: 'check-started';
      readonly taskId: string;
      readonly runId: number;
      readonly at: number;
    }
  | {
      readonly type: 'check-finished';
      readonly taskId: string;
      readonly runId: number;
      readonly result: TaskResult;
      readonly at: number;
      readonly progress?: WorkspaceProgress;
    }
  | { readonly type: 'check-cancelled'; readonly taskId: string; readonly runId: number }
  | {
      readonly type: 'check-failed';
      readonly taskId: string;
      readonly runId: number;
      readonly message: string;
    }
  | {
      readonly type: 'type-checked';
      readonly taskId: string;
      readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly type: 'editor-closed'; readonly error?: string }
  | { readonly type: 'restore-file' };

/** The answers of the services and the editor, which leave the notice on screen. */
export const taskAnswerTypes: readonly TaskAction['type'][] = [
  'files-saved',
  'check-started',
  'check-finished',
  'check-cancelled',
  'check-failed',
  'type-checked',
  'editor-closed',
];
