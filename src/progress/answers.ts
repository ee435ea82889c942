// Answers to the free-text questions, as values: appending a version, the latest one, the
// judgement of an answer in the context of the others (the gate and the key ideas matched), the
// student's own marks, and whether a question counts as answered (for unlocking).
import type { Question, TaskLesson } from '../lessons/types.js';
import {
  type AnswerJudgement,
  type JudgeContext,
  judgeWithRejection,
  type Rejection,
} from '../questions/judge.js';
import {
  type AnswerVersion,
  type IdeaSelfMark,
  type SelfMark,
  selfMarks,
  type WorkspaceProgress,
} from './types.js';

/** The latest submitted version of the answer to `questionId`, if any. */
export function latestAnswer(
  progress: WorkspaceProgress,
  questionId: string,
): AnswerVersion | undefined {
  const versions = progress.answers?.[questionId];
  return versions?.[versions.length - 1];
}

/**
 * The workspace with one more version of an answer that passed the gate. Submitting the same text
 * again adds no version: the history shows changes, not key presses.
 */
export function withAnswer(
  workspace: WorkspaceProgress,
  questionId: string,
  text: string,
  now: string,
): WorkspaceProgress {
  const versions = workspace.answers?.[questionId] ?? [];
  const last = versions[versions.length - 1];
  if (last?.text === text && last.gated) return workspace;
  return {
    ...workspace,
    answers: {
      ...workspace.answers,
      [questionId]: [...versions, { text, at: now, gated: true }],
    },
  };
}

/** The workspace with the student's mark on one key idea set, or cleared with undefined. */
export function withSelfMark(
  workspace: WorkspaceProgress,
  questionId: string,
  ideaId: string,
  mark: SelfMark | undefined,
  now: string,
): WorkspaceProgress {
  const { [ideaId]: _old, ...others } = workspace.selfMarks?.[questionId] ?? {};
  const marks = mark === undefined ? others : { ...others, [ideaId]: { mark, at: now } };
  return { ...workspace, selfMarks: { ...workspace.selfMarks, [questionId]: marks } };
}

/** The student's marks on a question's ideas that this tutor knows, by idea id. */
export function selfMarksOf(
  progress: WorkspaceProgress,
  questionId: string,
): Readonly<Record<string, IdeaSelfMark>> {
  const marks = progress.selfMarks?.[questionId] ?? {};
  return Object.fromEntries(
    Object.entries(marks).filter(([, value]) => selfMarks.includes(value.mark)),
  );
}

/** Words for a self-mark, in files, reports and on screen. */
export const selfMarkWords: Readonly<Record<SelfMark, string>> = {
  covered: 'covered',
  'not-covered': 'not covered',
  disagree: 'disagree with the idea',
};

/** The mark after `mark` when the student presses the idea's key again (then none again). */
export function nextSelfMark(mark: SelfMark | undefined): SelfMark | undefined {
  return mark === undefined ? selfMarks[0] : selfMarks[selfMarks.indexOf(mark) + 1];
}

/**
 * What an answer to `questionId` is judged against: every question of the course, and the latest
 * answers to the other questions (the same text pasted into several questions counts for none).
 */
export function judgeContext(
  questions: readonly Question[],
  progress: WorkspaceProgress,
  questionId: string,
): JudgeContext {
  const otherAnswers = questions.flatMap((other) => {
    const latest = other.id === questionId ? undefined : latestAnswer(progress, other.id);
    return latest ? [{ questionId: other.id, text: latest.text }] : [];
  });
  return { questions, otherAnswers };
}

// Judgements of the texts on screen, by question: the map and the review ask on every frame.
const judged = new WeakMap<Question, Map<string, FullJudgement>>();

/** A judgement, and the kind of rejection when the answer was not accepted. */
interface FullJudgement {
  readonly judgement: AnswerJudgement;
  readonly rejection: Rejection | undefined;
}
const judgementsKept = 64;

/** The judgement of `text` as an answer to `question` (the gate, and the key ideas matched). */
export function judge(
  questions: readonly Question[],
  progress: WorkspaceProgress,
  question: Question,
  text: string,
): AnswerJudgement {
  return judgeFully(questions, progress, question, text).judgement;
}

function judgeFully(
  questions: readonly Question[],
  progress: WorkspaceProgress,
  question: Question,
  text: string,
): FullJudgement {
  const context = judgeContext(questions, progress, question.id);
  const key = JSON.stringify([text, context.otherAnswers, questions.length]);
  let cache = judged.get(question);
  if (!cache) {
    cache = new Map();
    judged.set(question, cache);
  }
  const known = cache.get(key);
  if (known) return known;
  const full = judgeWithRejection(question, text, context);
  if (cache.size >= judgementsKept) cache.clear();
  cache.set(key, full);
  return full;
}

/**
 * The judgement of the latest answer to `question`, undefined while it has none. An answer the
 * gate accepted when it was recorded stays accepted (a later matcher may match other ideas, but
 * never takes back what counted): its judgement says accepted whatever the gate says now.
 */
export function judgeLatest(
  questions: readonly Question[],
  progress: WorkspaceProgress,
  question: Question,
): AnswerJudgement | undefined {
  return judgeLatestFully(questions, progress, question)?.judgement;
}

function judgeLatestFully(
  questions: readonly Question[],
  progress: WorkspaceProgress,
  question: Question,
): FullJudgement | undefined {
  const latest = latestAnswer(progress, question.id);
  if (!latest) return undefined;
  const full = judgeFully(questions, progress, question, latest.text);
  return latest.gated && !full.judgement.accepted
    ? { judgement: { ...full.judgement, accepted: true }, rejection: undefined }
    : full;
}

/**
 * True when the latest answer to the question counts (for unlocking): recorded through the gate,
 * or, recorded before it, accepted by the gate now. A recorded answer is trusted without judging
 * it again: the map asks for every task on its first frame.
 */
export function isAnswered(
  progress: WorkspaceProgress,
  question: Question,
  questions: readonly Question[],
): boolean {
  const latest = latestAnswer(progress, question.id);
  if (!latest) return false;
  return latest.gated === true || judge(questions, progress, question, latest.text).accepted;
}

/** A question of the course with the task that asks it, by id. */
export function findCourseQuestion(
  tasks: readonly TaskLesson[],
  questionId: string,
): { readonly task: TaskLesson; readonly question: Question } | undefined {
  for (const task of tasks) {
    const question = task.questions.find((candidate) => candidate.id === questionId);
    if (question) return { task, question };
  }
  return undefined;
}

/** Every question of the course, in lesson order (the context answers are judged in). */
export function allQuestions(tasks: readonly TaskLesson[]): readonly Question[] {
  return tasks.flatMap((task) => task.questions);
}

/** One question as the review shows it. */
export interface QuestionReview {
  readonly task: TaskLesson;
  readonly question: Question;
  readonly latest: AnswerVersion | undefined;
  /** Versions submitted, the latest included. */
  readonly versions: number;
  /** The judgement of the latest answer; undefined while unanswered. */
  readonly judgement: AnswerJudgement | undefined;
  /** Why the latest answer is not accepted, as a kind (`word-list`…); undefined otherwise. */
  readonly rejection: Rejection | undefined;
  /** The student's own marks on the ideas, by idea id. */
  readonly marks: Readonly<Record<string, IdeaSelfMark>>;
}

/**
 * Every question of the course (`tasks` are all of its tasks: answers are judged against all of
 * them), or only those of the task `only`, in lesson order, with its latest answer and judgement.
 */
export function reviewQuestions(
  tasks: readonly TaskLesson[],
  progress: WorkspaceProgress,
  only?: string,
): QuestionReview[] {
  const questions = allQuestions(tasks);
  return tasks
    .filter((task) => only === undefined || task.id === only)
    .flatMap((task) =>
      task.questions.map((question) => {
        const full = judgeLatestFully(questions, progress, question);
        return {
          task,
          question,
          latest: latestAnswer(progress, question.id),
          versions: progress.answers?.[question.id]?.length ?? 0,
          judgement: full?.judgement,
          rejection: full?.rejection,
          marks: selfMarksOf(progress, question.id),
        };
      }),
    );
}

/** How many key ideas were matched automatically and how the student marked them. */
export interface IdeaTally {
  readonly total: number;
  readonly matched: number;
  readonly marked: Readonly<Record<SelfMark, number>>;
}

/** The tally of a reviewed answer's ideas (nothing matched while it is unanswered). */
export function ideaTally(review: QuestionReview): IdeaTally {
  const marked = { covered: 0, 'not-covered': 0, disagree: 0 };
  for (const idea of review.question.keyIdeas) {
    const mark = review.marks[idea.id]?.mark;
    if (mark) marked[mark]++;
  }
  return {
    total: review.question.keyIdeas.length,
    matched: review.judgement?.ideas.filter((idea) => idea.matched).length ?? 0,
    marked,
  };
}

/** True when the student marked the idea before their latest answer was written. */
export function markPredatesAnswer(review: QuestionReview, ideaId: string): boolean {
  const mark = review.marks[ideaId];
  return mark !== undefined && review.latest !== undefined && mark.at < review.latest.at;
}
