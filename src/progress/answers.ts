// Answers to the free-text questions, as values: appending a version, the latest one, and whether
// a question counts as answered (for unlocking) with its key-idea self-check.
import type { Question, TaskLesson } from '../lessons/types.js';
import { isSubmittable, type KeyIdeaReport, matchKeyIdeas } from '../questions/key-ideas.js';
import type { AnswerVersion, WorkspaceProgress } from './types.js';

/** The latest submitted version of the answer to `questionId`, if any. */
export function latestAnswer(
  progress: WorkspaceProgress,
  questionId: string,
): AnswerVersion | undefined {
  const versions = progress.answers?.[questionId];
  return versions?.[versions.length - 1];
}

/**
 * The workspace with one more version of an answer. Submitting the same text again adds no
 * version: the history shows changes, not key presses.
 */
export function withAnswer(
  workspace: WorkspaceProgress,
  questionId: string,
  text: string,
  now: string,
): WorkspaceProgress {
  const versions = workspace.answers?.[questionId] ?? [];
  if (versions[versions.length - 1]?.text === text) return workspace;
  return {
    ...workspace,
    answers: { ...workspace.answers, [questionId]: [...versions, { text, at: now }] },
  };
}

/** True when the question has a submitted answer that counts (not empty, not the prompt). */
export function isAnswered(progress: WorkspaceProgress, question: Question): boolean {
  const latest = latestAnswer(progress, question.id);
  return latest !== undefined && isSubmittable(latest.text, question);
}

/** How many of the task's questions are answered. */
export function answeredCount(progress: WorkspaceProgress, task: TaskLesson): number {
  return task.questions.filter((question) => isAnswered(progress, question)).length;
}

/** One question as the review shows it. */
export interface QuestionReview {
  readonly task: TaskLesson;
  readonly question: Question;
  readonly latest: AnswerVersion | undefined;
  /** Versions submitted, the latest included. */
  readonly versions: number;
  /** The self-check of the latest answer; undefined while unanswered. */
  readonly report: KeyIdeaReport | undefined;
}

/** Every question of the course, in lesson order, with its latest answer and self-check. */
export function reviewQuestions(
  tasks: readonly TaskLesson[],
  progress: WorkspaceProgress,
): QuestionReview[] {
  return tasks.flatMap((task) =>
    task.questions.map((question) => {
      const latest = latestAnswer(progress, question.id);
      return {
        task,
        question,
        latest,
        versions: progress.answers?.[question.id]?.length ?? 0,
        report: latest ? matchKeyIdeas(question, latest.text) : undefined,
      };
    }),
  );
}
