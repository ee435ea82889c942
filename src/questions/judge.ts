// The judgement of one free-text answer: whether it counts as answered (the gate), which key ideas
// it asserts, and why credit was withheld. Pure, offline, deterministic; what every caller uses.
import type { Question } from '../lessons/types.js';
import { Claims } from './claims.js';
import {
  copiesPrompt,
  correctTypos,
  isFragmentList,
  isGibberish,
  isLongEnough,
  isWordList,
  isWordSalad,
  promptCopies,
  type SentenceSpan,
  sentencesOf,
  sharedShare,
} from './gate.js';
import { isBreak, tokenizeWithBreaks } from './normalize.js';
import { AnswerText } from './patterns.js';
import { contentTokens, isWord, questionIndex } from './question-index.js';
import { functionWords } from './words.js';

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

/** Why an answer is not accepted, whatever its words. */
export type Rejection =
  | 'empty'
  | 'copied-question'
  | 'too-short'
  | 'gibberish'
  | 'word-list'
  | 'copied-text';

/** Judges `text` as an answer to `question`. */
export function judgeAnswer(
  question: Question,
  text: string,
  context: JudgeContext,
): AnswerJudgement {
  return judgeWithRejection(question, text, context).judgement;
}

/**
 * A share of word 4-grams from one source from which a text is that source, copied: most of it.
 * Revising after reading the model answer borrows a phrase or two and stays well below.
 */
const copiedShare = 0.75;
/**
 * A text needs at least this many word 4-grams (nine words) to be judged a copy: a short answer
 * in the model answer's words ("the same shape as w") is as likely written as copied.
 */
const minimumGrams = 6;

/** `judgeAnswer`, with the kind of rejection when the answer is not accepted. */
export function judgeWithRejection(
  question: Question,
  text: string,
  context: JudgeContext,
): { readonly judgement: AnswerJudgement; readonly rejection: Rejection | undefined } {
  const index = questionIndex(question);
  const unmatched = question.keyIdeas.map(({ id, idea }) => ({
    id,
    label: idea,
    matched: false,
  }));
  const reject = (rejection: Rejection, reason: string) => ({
    judgement: { accepted: false, reason, ideas: unmatched },
    rejection,
  });

  const marked = correctTypos(tokenizeWithBreaks(text), index.spellings);
  const tokens = marked.filter((token) => !isBreak(token));
  if (text.trim() === '') return reject('empty', 'The answer is empty.');
  const claims = new Claims(marked);
  // A checkpoint is answered in a line: "(d,)" or "shape (d,), matching w" is short and complete.
  const checkpointAnswer =
    question.oneLine === true &&
    matchIdeas(question, new AnswerText(claims, () => false)).ideas.some((idea) => idea.matched);
  if (!checkpointAnswer && isGibberish(tokens, index.vocabulary))
    return reject('gibberish', 'This does not read as an answer: write a sentence or two.');
  if (copiesPrompt(tokens, index.promptSentences, index.promptStems))
    return reject('copied-question', 'This repeats the question: answer it in your own words.');
  if (!checkpointAnswer && contentTokens(tokens).length < 2)
    return reject('too-short', 'Too short to say anything yet: write at least one sentence.');

  const sentences = sentencesOf(claims);
  const sources = copySources(question, context);

  if (sentences.every((sentence) => index.ideaLines.has(sentence.tokens.join(' '))))
    return reject('copied-text', 'This copies the key ideas: say them in your own words.');
  const allGrams = sentences.flatMap((sentence) => sentence.grams);
  if (allGrams.length >= minimumGrams)
    for (const source of sources)
      if (sharedShare(allGrams, source.grams) >= copiedShare)
        return reject('copied-text', `This copies ${source.name}: say it in your own words.`);

  const copiedFromPrompt = promptCopies(claims.tokens, index.promptSentences);
  const skipped = new Set<number>();
  const skip = (sentence: SentenceSpan) => {
    for (let i = sentence.start; i < sentence.end; i++) skipped.add(i);
  };
  let copiedFrom: string | undefined;
  let listWords = 0;
  let words = 0;
  for (const sentence of sentences) {
    const sentenceWords = sentence.tokens.filter((token) => /^[a-z]{2,}$/.test(token)).length;
    words += sentenceWords;
    const source =
      sentence.grams.length >= minimumGrams
        ? sources.find((candidate) => sharedShare(sentence.grams, candidate.grams) >= copiedShare)
        : verbatimIn(sentence.tokens, ownTexts(question));
    if (source) {
      copiedFrom ??= source.name;
      skip(sentence);
    } else if (
      isWordList(sentence.tokens, pausesIn(claims, sentence)) ||
      isWordSalad(sentence.tokens)
    ) {
      listWords += sentenceWords;
      skip(sentence);
    }
  }
  if ((listWords > 0 && listWords * 2 >= words) || isFragmentList(marked))
    return reject(
      'word-list',
      'This reads as a list of keywords: say what happens and why, in sentences.',
    );
  for (const i of copiedFromPrompt) skipped.add(i);
  // The gate: at least one sentence of the student's own, long enough to say something.
  const own = sentences.filter((sentence) =>
    isLongEnough(sentence.tokens.filter((_token, k) => !skipped.has(sentence.start + k))),
  );
  if (own.length === 0 && !(checkpointAnswer && copiedFrom === undefined && listWords === 0))
    return copiedFrom
      ? reject('copied-text', `This copies ${copiedFrom}: say it in your own words.`)
      : reject('too-short', 'Too short to say anything yet: write at least one sentence.');

  const { ideas, hedged } = matchIdeas(question, new AnswerText(claims, (i) => skipped.has(i)));
  const reason = copiedFrom
    ? `Sentences copied from ${copiedFrom} earn no credit.`
    : listWords > 0
      ? 'Lists of keywords earn no credit: say what happens, in a sentence.'
      : hedged && ideas.some((idea) => !idea.matched)
        ? 'Guesses ("maybe", "not sure", a question) earn no credit: say what you think is true.'
        : '';
  return { judgement: { accepted: true, reason, ideas }, rejection: undefined };
}

/**
 * The key ideas `text` asserts, with no gate and no copy detection: what the patterns read in a
 * text (used to check that each model answer asserts all of its own ideas).
 */
export function assertedIdeas(question: Question, text: string): IdeaJudgement[] {
  const claims = new Claims(
    correctTypos(tokenizeWithBreaks(text), questionIndex(question).spellings),
  );
  return matchIdeas(question, new AnswerText(claims, () => false)).ideas;
}

/** Each key idea of `question`, matched on `answer`; `hedged`: some idea was only guessed at. */
function matchIdeas(
  question: Question,
  answer: AnswerText,
): { readonly ideas: IdeaJudgement[]; readonly hedged: boolean } {
  let hedged = false;
  const ideas = questionIndex(question).ideas.map(({ idea, patterns, unless }) => {
    const vetoed = unless.length > 0 && answer.assertedOccurrences(unless).asserted.length > 0;
    let matched = false;
    for (const pattern of patterns) {
      const result = answer.matches(pattern);
      if (result.matched) {
        matched = true;
        break;
      }
      if (result.hedged) hedged = true;
    }
    return { id: idea.id, label: idea.idea, matched: matched && !vetoed };
  });
  return { ideas, hedged };
}

/**
 * A sentence too short in words for the 4-gram test (mostly notation: `for large positive z,
 * e^(−z) → 0 and σ(z) → 1`) is a copy when all its tokens, symbols included, stand in that order
 * in the model answer or a key idea's line: ten tokens in the same order, four of them words, are
 * not met by chance. A bare formula is exempt: `∂ℓ/∂p = −y/p + (1 − y)/(1 − p)` has one right way
 * to be written.
 */
const minimumVerbatimTokens = 10;
const minimumVerbatimWords = 4;

/** The question's own texts as token strings (` a b c `), the way an answer's claims are read. */
interface OwnText {
  readonly name: string;
  readonly tokens: string;
}

const ownTextsOf = new WeakMap<Question, readonly OwnText[]>();

function ownTexts(question: Question): readonly OwnText[] {
  let texts = ownTextsOf.get(question);
  if (!texts) {
    const { spellings } = questionIndex(question);
    const read = (text: string) =>
      ` ${new Claims(correctTypos(tokenizeWithBreaks(text), spellings)).tokens.join(' ')} `;
    texts = [
      { name: 'the model answer', tokens: read(question.modelAnswer) },
      ...question.keyIdeas.map((idea) => ({ name: 'the key ideas', tokens: read(idea.idea) })),
    ];
    ownTextsOf.set(question, texts);
  }
  return texts;
}

/** The own text a short sentence stands in whole, token for token; undefined when none. */
function verbatimIn(tokens: readonly string[], texts: readonly OwnText[]): OwnText | undefined {
  if (tokens.length < minimumVerbatimTokens || tokens.filter(isWord).length < minimumVerbatimWords)
    return undefined;
  const sentence = ` ${tokens.join(' ')} `;
  return texts.find((text) => text.tokens.includes(sentence));
}

/** A text an answer must not copy, and how to name it to the student. */
interface CopySource {
  readonly name: string;
  readonly grams: ReadonlySet<string>;
}

/** The texts an answer to `question` must not copy, in the order they are named. */
function copySources(question: Question, context: JudgeContext): CopySource[] {
  const own = questionIndex(question);
  const sources: CopySource[] = [
    { name: 'the model answer', grams: own.modelGrams },
    { name: 'the key ideas', grams: own.ideaGrams },
  ];
  for (const other of context.questions) {
    if (other.id === question.id) continue;
    sources.push({
      name: `the text of question ${other.id}`,
      grams: questionIndex(other).textGrams,
    });
  }
  for (const other of context.otherAnswers)
    if (other.questionId !== question.id)
      sources.push({ name: `your answer to ${other.questionId}`, grams: answerGrams(other.text) });
  return sources;
}

/** The word 4-grams of recent answers: the same few are compared on every judgement. */
const gramsOfAnswers = new Map<string, ReadonlySet<string>>();

function answerGrams(text: string): ReadonlySet<string> {
  let grams = gramsOfAnswers.get(text);
  if (!grams) {
    grams = new Set(
      sentencesOf(new Claims(tokenizeWithBreaks(text))).flatMap((sentence) => sentence.grams),
    );
    if (gramsOfAnswers.size >= 64) gramsOfAnswers.clear();
    gramsOfAnswers.set(text, grams);
  }
  return grams;
}

/**
 * The commas and colons inside a sentence between two clauses of four words or more each: the
 * pause of a sentence, not the commas of a list ("flat curve, vanishing gradient").
 */
function pausesIn(claims: Claims, sentence: SentenceSpan): number {
  const clauses: number[] = [];
  for (let k = sentence.start; k < sentence.end; k++) {
    const edge =
      k > sentence.start &&
      claims.clauseOf[k] !== claims.clauseOf[k - 1] &&
      !functionWords.has(claims.tokens[k] ?? '');
    if (edge || clauses.length === 0) clauses.push(0);
    if (isWord(claims.tokens[k] ?? '')) clauses[clauses.length - 1] = (clauses.at(-1) ?? 0) + 1;
  }
  return clauses.filter((words, k) => k > 0 && words >= 4 && (clauses[k - 1] ?? 0) >= 4).length;
}
