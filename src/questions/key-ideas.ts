// The self-check of a free-text answer in the shape its first callers read: which key ideas it
// covers, or why it covers none. A view of judgeAnswer (judge.ts), which decides.
import type { Question } from '../lessons/types.js';
import { copiesPrompt } from './gate.js';
import { judgeWithRejection, type Rejection } from './judge.js';
import { tokenize } from './normalize.js';
import { promptParts } from './question-index.js';

export { type CompiledTerm, compileTerm } from './patterns.js';

/** Why an answer covers nothing regardless of its words. */
export type AnswerVerdict = Rejection;

/** One key idea and whether the answer covers it. */
export interface IdeaMatch {
  readonly id: string;
  readonly idea: string;
  readonly covered: boolean;
}

/** The self-check of one answer. */
export interface KeyIdeaReport {
  /** Every key idea of the question, in order. */
  readonly ideas: readonly IdeaMatch[];
  /** How many ideas are covered. */
  readonly covered: number;
  readonly total: number;
  /** Set when the answer is not an answer at all; then nothing is covered. */
  readonly verdict?: AnswerVerdict | undefined;
}

/**
 * Which key ideas of `question` the answer covers, judged on its own (no other question or answer
 * to compare it with). Fast, offline and deterministic.
 */
export function matchKeyIdeas(question: Question, answer: string): KeyIdeaReport {
  const { judgement, rejection } = judgeWithRejection(question, answer, {
    questions: [question],
    otherAnswers: [],
  });
  const ideas = judgement.ideas.map(({ id, label, matched }) => ({
    id,
    idea: label,
    covered: matched,
  }));
  return {
    ideas,
    covered: ideas.filter((idea) => idea.covered).length,
    total: ideas.length,
    ...(rejection === undefined ? {} : { verdict: rejection }),
  };
}

/**
 * True when the answer can be submitted: something besides whitespace and, when the question is
 * given, not just the question copied back.
 */
export function isSubmittable(answer: string, question?: Pick<Question, 'prompt'>): boolean {
  if (answer.trim() === '') return false;
  if (question === undefined) return true;
  const { promptSentences, promptStems } = promptParts(question.prompt);
  return !copiesPrompt(tokenize(answer), promptSentences, promptStems);
}
