// The judgement of one free-text answer: whether it counts as answered (the gate), which key ideas
// it asserts, and why credit was withheld. Pure, offline, deterministic; what every caller uses.
import type { Question } from '../lessons/types.js';
import { type AnswerVerdict, matchKeyIdeas } from './key-ideas.js';

/** What a judgement needs besides the question and the answer. */
export interface JudgeContext {
  /** Every question of the course (to recognise another question's text). */
  readonly questions: readonly Question[];
  /** The student's latest answers to the other questions (to recognise one text pasted into several). */
  readonly otherAnswers: readonly { readonly questionId: string; readonly text: string }[];
}

/** One key idea of the question and whether the answer asserts it. */
export interface IdeaJudgement {
  readonly id: string;
  /** The idea's one line, as shown with ✓ or ○. */
  readonly label: string;
  readonly matched: boolean;
}

/** The judgement of one answer. */
export interface AnswerJudgement {
  /** The gate: an attempt in the student's own words (counts as answered). */
  readonly accepted: boolean;
  /** One line: why it was not accepted, or why some credit was withheld; '' when nothing to say. */
  readonly reason: string;
  /** Every key idea of the question, in order. */
  readonly ideas: readonly IdeaJudgement[];
}

const verdictReasons: Readonly<Record<AnswerVerdict, string>> = {
  empty: 'The answer is empty.',
  'copied-question': 'This repeats the question; answer it in your own words.',
  'too-short': 'Too short to say anything yet; write at least one sentence.',
  gibberish: 'This does not read as an answer; write it in words.',
};

/** Judges `text` as an answer to `question`. */
export function judgeAnswer(
  question: Question,
  text: string,
  _context: JudgeContext,
): AnswerJudgement {
  const report = matchKeyIdeas(question, text);
  const ideas = report.ideas.map(({ id, idea, covered }) => ({
    id,
    label: idea,
    matched: covered,
  }));
  if (report.verdict !== undefined)
    return { accepted: false, reason: verdictReasons[report.verdict], ideas };
  return { accepted: true, reason: '', ideas };
}
