// The question screens' slice of the UI state: the lists an answer is opened from, the
// checklist's run, and their actions (see questions/reducer.ts).
import type { TaskResult } from '../../engine/types.js';
import type { WorkspaceProgress } from '../../progress/types.js';

/** The lists an answer is opened from. */
export type QuestionList = 'questions' | 'review';

/** The checklist's own run of every task's checks (it does not trust old results). */
export interface ChecklistRun {
  readonly running: boolean;
  readonly startedAt: number;
  /** Results of this run, by task id. */
  readonly results: Readonly<Record<string, TaskResult>>;
  readonly error?: string;
}

/** The actions of the questions, review and checklist screens (see questions/reducer.ts). */
export type QuestionAction =
  | { readonly type: 'questions' }
  | { readonly type: 'review' }
  | { readonly type: 'checklist' }
  | { readonly type: 'leave' }
  | { readonly type: 'list-move'; readonly by: number }
  | { readonly type: 'answer-scroll'; readonly by: number; readonly max: number }
  /** Opens the selected question: typing (`type`) or, when answered, its feedback (`read`). */
  | { readonly type: 'open-question'; readonly how: 'type' | 'read' }
  | { readonly type: 'retype-answer' }
  | { readonly type: 'answer-in-editor' }
  /** The student's own mark on the key idea numbered `index` (from 0) of the answer on screen. */
  | { readonly type: 'mark-idea'; readonly index: number; readonly at: string }
  /** `at`: when it was submitted (ISO), the time the answer shows until the store has it. */
  | {
      readonly type: 'submit-answer';
      readonly questionId: string;
      readonly text: string;
      readonly at?: string;
    }
  | {
      readonly type: 'answer-edited';
      readonly questionId: string;
      readonly text?: string;
      readonly at?: string;
      readonly error?: string;
    }
  | { readonly type: 'checklist-started'; readonly at: number }
  | {
      readonly type: 'checklist-result';
      readonly result: TaskResult;
      readonly progress?: WorkspaceProgress;
    }
  | { readonly type: 'checklist-finished'; readonly error?: string };

/** The answers of the services and the editor, which leave the notice on screen. */
export const questionAnswerTypes: readonly QuestionAction['type'][] = [
  'answer-edited',
  'checklist-started',
  'checklist-result',
  'checklist-finished',
];
