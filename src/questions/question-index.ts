// A question prepared once for judging answers: its compiled key ideas, its prompt's sentences,
// the words it makes legitimate, and the word 4-grams of the texts an answer must not copy.
import type { KeyIdea, Question } from '../lessons/types.js';
import { tokenize, tokenizeWithBreaks } from './normalize.js';
import {
  type CompiledPattern,
  type CompiledTerm,
  compilePattern,
  compileTerm,
} from './patterns.js';
import { commonWords, mathWords, stopWords } from './words.js';

/** A key idea ready to match. */
export interface CompiledIdea {
  readonly idea: KeyIdea;
  readonly patterns: readonly CompiledPattern[];
  readonly unless: readonly CompiledTerm[];
}

/** A question ready to judge answers to. */
export interface QuestionIndex {
  readonly ideas: readonly CompiledIdea[];
  /** The prompt's sentences as canonical token lists, to cut copies of them out of answers. */
  readonly promptSentences: readonly (readonly string[])[];
  /** Content-word stems of the prompt. */
  readonly promptStems: ReadonlySet<string>;
  /** Word stems this question makes legitimate (prompt, model answer, ideas, terms). */
  readonly vocabulary: ReadonlySet<string>;
  /** Whole words of its terms and texts, to correct a typo towards. */
  readonly spellings: ReadonlySet<string>;
  /** The ideas' lines as canonical text, to recognise one pasted as it is. */
  readonly ideaLines: ReadonlySet<string>;
  /** Word 4-grams of the model answer. */
  readonly modelGrams: ReadonlySet<string>;
  /** Word 4-grams of the key ideas' lines, each line on its own. */
  readonly ideaGrams: ReadonlySet<string>;
  /** Word 4-grams of the prompt, the model answer and the ideas' lines together. */
  readonly textGrams: ReadonlySet<string>;
}

const indexes = new WeakMap<Question, QuestionIndex>();

/** The index of `question`, built on first use and kept with it. */
export function questionIndex(question: Question): QuestionIndex {
  const cached = indexes.get(question);
  if (cached) return cached;
  const ideas = question.keyIdeas.map(
    (idea): CompiledIdea => ({
      idea,
      patterns: idea.patterns.map(compilePattern),
      unless: (idea.unless ?? []).map(compileTerm),
    }),
  );
  const texts = [question.prompt, question.modelAnswer];
  for (const idea of question.keyIdeas) {
    texts.push(idea.idea);
    for (const pattern of idea.patterns) for (const group of pattern.all) texts.push(...group);
  }
  const vocabulary = new Set<string>();
  const spellings = new Set<string>();
  for (const text of texts)
    for (const token of tokenize(text.replace(/\*/g, ' '))) {
      vocabulary.add(stem(token));
      if (/^[a-z]{4,}$/.test(token)) spellings.add(token);
    }
  const modelGrams = wordGrams(question.modelAnswer);
  const ideaGrams = new Set(question.keyIdeas.flatMap((idea) => [...wordGrams(idea.idea)]));
  const index: QuestionIndex = {
    ideas,
    ...promptParts(question.prompt),
    vocabulary,
    spellings,
    ideaLines: new Set(question.keyIdeas.map((idea) => tokenize(idea.idea).join(' '))),
    modelGrams,
    ideaGrams,
    textGrams: new Set([...wordGrams(question.prompt), ...modelGrams, ...ideaGrams]),
  };
  indexes.set(question, index);
  return index;
}

/** What copy detection needs of a prompt: its sentences, and the stems of its content words. */
export function promptParts(
  prompt: string,
): Pick<QuestionIndex, 'promptSentences' | 'promptStems'> {
  return {
    promptSentences: prompt
      .split(/[?!:;]|\.(?=\s|$)/)
      .map(tokenize)
      // A one-word fragment such as the `Checkpoint:` label is cut out too; a function word is not.
      .filter((tokens) => tokens.length >= 2 || !stopWords.has(tokens[0] ?? 'the')),
    promptStems: new Set(contentTokens(tokenize(prompt)).map(stem)),
  };
}

/**
 * A crude stem: enough to see that `saturates`, `saturation` and `saturate` share a root, and
 * forgiving of a typo late in a long word (`approahces`). Only used to compare words, never shown.
 */
export function stem(word: string): string {
  const base = word.replace(/ies$/, 'y').replace(/(?:es|s)$/, '');
  return base.length > 5 ? base.slice(0, 5) : base;
}

/** Tokens that carry content: not function words, not brackets. */
export function contentTokens(tokens: readonly string[]): string[] {
  return tokens.filter((token) => !stopWords.has(token) && !/^[()[\]|]$/.test(token));
}

/** A word in the sense of copy detection: letters only, two or more (not a variable like `w`). */
export function isWord(token: string): boolean {
  return /^[a-z]{2,}$/.test(token);
}

/**
 * The word 4-grams of `tokens` (a run of canonical tokens), math and one-letter variables left
 * out: the words are what a copy carries, while a derivation in symbols is the same in anyone's
 * hands.
 */
export function gramsOf(tokens: readonly string[]): string[] {
  const words = tokens.filter(isWord);
  const grams: string[] = [];
  for (let i = 0; i + 4 <= words.length; i++) grams.push(words.slice(i, i + 4).join(' '));
  return grams;
}

/** The word 4-grams of a text, sentence by sentence (no 4-gram spans two sentences). */
export function wordGrams(text: string): Set<string> {
  const grams = new Set<string>();
  let sentence: string[] = [];
  for (const token of [...tokenizeWithBreaks(text), '.']) {
    if (token === '.' || token === '?') {
      for (const gram of gramsOf(sentence)) grams.add(gram);
      sentence = [];
    } else if (token !== ',') sentence.push(token);
  }
  return grams;
}

/** Words known anywhere: English function and common words and the lab's vocabulary. */
export function isKnownWord(word: string, vocabulary: ReadonlySet<string>): boolean {
  if (/(.)\1\1/.test(word)) return false;
  return (
    stopWords.has(word) ||
    commonWords.has(word) ||
    mathWords.has(word) ||
    vocabulary.has(stem(word)) ||
    commonStems.has(stem(word))
  );
}

const commonStems: ReadonlySet<string> = new Set(
  [...commonWords, ...mathWords].map((word) => stem(word)),
);
