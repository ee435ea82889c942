// Records a verdict in the progress store for the hooks that run checks, turning a failed save
// into notices for the student: the tutor goes on, and says once what could not be saved.
import type { TaskResult } from '../../engine/types.js';
import type { WorkspaceProgress } from '../../progress/types.js';
import type { TutorServices } from '../services.js';

/** What recording a verdict did: the progress as saved (unless saving threw), and what to say. */
export interface RecordedCheck {
  readonly progress?: WorkspaceProgress;
  readonly notices: readonly string[];
}

/** Records `result` in the workspace's progress; never throws. */
export function recordCheck(
  services: Pick<TutorServices, 'progress' | 'workspaceDir'>,
  result: TaskResult,
): RecordedCheck {
  const notices: string[] = [];
  let progress: WorkspaceProgress | undefined;
  try {
    progress = services.progress.recordResult(services.workspaceDir, result);
  } catch (error) {
    notices.push(error instanceof Error ? error.message : String(error));
  }
  // A save that failed (full disk, read-only folder) is said once; the tutor goes on.
  notices.push(...services.progress.takeNotices());
  return progress ? { progress, notices } : { notices };
}
