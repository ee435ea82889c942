// The self-check of a free-text answer: which key ideas of a question it covers, or why it
// covers none (empty, a copy of the question, too short, gibberish). Pure, offline, deterministic.
import type { KeyIdea, KeyIdeaPattern, Question } from '../lessons/types.js';
import { sentenceBreak, tokenize, tokenizeWithBreaks } from './normalize.js';
import { commonWords, mathWords, stopWords } from './words.js';

/** Why an answer covers nothing regardless of its words. */
export type AnswerVerdict = 'empty' | 'copied-question' | 'too-short' | 'gibberish';

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

/** Words that flip the meaning of what follows, for `rejectNegated` patterns. */
const negators = new Set(['not', 'no', 'never', 'without', 'cannot', 'nor', 'neither', 'none']);
/** How many tokens before a term a negation still applies to. */
const negationReach = 3;
/** Marks a stem in a term while it goes through the tokenizer (which drops a lone `*`). */
const stemMarker = 'qqstemqq';

/** One token of a literal term: matched whole, or as a prefix when the term wrote `word*`. */
interface TermToken {
  readonly text: string;
  readonly stem: boolean;
}

/** A term ready to match: a run of canonical tokens, or a regular expression over the text. */
export type CompiledTerm =
  | { readonly source: string; readonly tokens: readonly TermToken[] }
  | { readonly source: string; readonly regex: RegExp };

/**
 * Compiles one term of a pattern. Throws an Error saying what is wrong with it (the loader reports
 * it with the file and field).
 */
export function compileTerm(term: string): CompiledTerm {
  const regexTerm = /^\/(.+)\/$/s.exec(term);
  if (regexTerm) {
    try {
      return { source: term, regex: new RegExp(regexTerm[1] ?? '', 'g') };
    } catch (error) {
      throw new Error(
        `\`${term}\` is not a valid regular expression (${(error as Error).message})`,
      );
    }
  }
  // No space after the marker: a term of plain words stays one (see tokenizeWithBreaks).
  const marked = term.replace(/(?<=[\p{L}\p{N}])\*(?=\s|$)/gu, ` ${stemMarker}`);
  const tokens: TermToken[] = [];
  for (const token of tokenize(marked)) {
    if (token !== stemMarker) tokens.push({ text: token, stem: false });
    else {
      const last = tokens.pop();
      if (last === undefined) throw new Error(`\`${term}\`: a \`*\` must end a word`);
      tokens.push({ text: last.text, stem: true });
    }
  }
  if (tokens.length === 0) throw new Error(`\`${term}\` has no words or symbols to match`);
  return { source: term, tokens };
}

interface CompiledPattern {
  readonly groups: readonly (readonly CompiledTerm[])[];
  readonly within: number | undefined;
  readonly rejectNegated: boolean;
}

interface CompiledIdea {
  readonly idea: KeyIdea;
  readonly patterns: readonly CompiledPattern[];
  readonly unless: readonly CompiledTerm[];
}

interface CompiledQuestion {
  readonly ideas: readonly CompiledIdea[];
  /** The prompt's sentences as canonical token lists, to cut copies of them out of answers. */
  readonly promptSentences: readonly (readonly string[])[];
  /** Content-word stems of the prompt. */
  readonly promptStems: ReadonlySet<string>;
  /** Word stems this question makes legitimate (prompt, model answer, ideas, terms). */
  readonly vocabulary: ReadonlySet<string>;
}

const compiledQuestions = new WeakMap<Question, CompiledQuestion>();

function compileQuestion(question: Question): CompiledQuestion {
  const cached = compiledQuestions.get(question);
  if (cached) return cached;
  const ideas = question.keyIdeas.map(
    (idea): CompiledIdea => ({
      idea,
      patterns: idea.patterns.map(compilePattern),
      unless: (idea.unless ?? []).map(compileTerm),
    }),
  );
  const vocabulary = new Set<string>();
  const texts = [question.prompt, question.modelAnswer];
  for (const idea of question.keyIdeas) {
    texts.push(idea.idea);
    for (const pattern of idea.patterns) for (const group of pattern.all) texts.push(...group);
  }
  for (const text of texts)
    for (const token of tokenize(text.replace(/\*/g, ' '))) vocabulary.add(stem(token));
  const compiled = { ideas, ...promptParts(question.prompt), vocabulary };
  compiledQuestions.set(question, compiled);
  return compiled;
}

/** What copy detection needs of a prompt: its sentences, and the stems of its content words. */
function promptParts(prompt: string): Pick<CompiledQuestion, 'promptSentences' | 'promptStems'> {
  return {
    promptSentences: prompt
      .split(/[?!:;]|\.(?=\s|$)/)
      .map(tokenize)
      // A one-word fragment such as the `Checkpoint:` label is cut out too; a function word is not.
      .filter((tokens) => tokens.length >= 2 || !stopWords.has(tokens[0] ?? 'the')),
    promptStems: new Set(contentTokens(tokenize(prompt)).map(stem)),
  };
}

function compilePattern(pattern: KeyIdeaPattern): CompiledPattern {
  return {
    groups: pattern.all.map((group) => group.map(compileTerm)),
    within: pattern.within,
    rejectNegated: pattern.rejectNegated ?? false,
  };
}

/** Which key ideas of `question` the answer covers. Fast, offline and deterministic. */
export function matchKeyIdeas(question: Question, answer: string): KeyIdeaReport {
  const compiled = compileQuestion(question);
  const total = question.keyIdeas.length;
  const marked = tokenizeWithBreaks(answer);
  const tokens = marked.filter((token) => token !== sentenceBreak);
  const verdict = judgeAnswer(compiled, answer, tokens);
  if (verdict !== undefined) {
    const ideas = question.keyIdeas.map(({ id, idea }) => ({ id, idea, covered: false }));
    return { ideas, covered: 0, total, verdict };
  }
  const text = new CanonicalText(removePromptCopies(marked, compiled.promptSentences));
  const ideas = compiled.ideas.map(({ idea, patterns, unless }) => ({
    id: idea.id,
    idea: idea.idea,
    covered:
      !unless.some((term) => text.find(term).length > 0) &&
      patterns.some((pattern) => text.matches(pattern)),
  }));
  return { ideas, covered: ideas.filter((idea) => idea.covered).length, total };
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

/** The reason an answer covers nothing whatever its words, or undefined for a real answer. */
function judgeAnswer(
  compiled: CompiledQuestion,
  answer: string,
  tokens: readonly string[],
): AnswerVerdict | undefined {
  if (answer.trim() === '') return 'empty';
  if (isGibberish(tokens, compiled.vocabulary)) return 'gibberish';
  if (copiesPrompt(tokens, compiled.promptSentences, compiled.promptStems))
    return 'copied-question';
  if (contentTokens(tokens).length < 2) return 'too-short';
  return undefined;
}

/**
 * Keyboard mash, one character or word repeated, lorem ipsum: no letters or digits at all, mostly
 * words that are neither English nor the question's own, or one or two tokens said over and over.
 * Short vowel-less runs (`dz`, `hv`, `xv`) are math, not words, and are left out of the count.
 */
function isGibberish(tokens: readonly string[], vocabulary: ReadonlySet<string>): boolean {
  if (!tokens.some((token) => /[a-z0-9]/.test(token))) return true;
  const letterRuns = tokens.filter((token) => /^[a-z]+$/.test(token));
  const words = letterRuns.filter(
    (token) => token.length >= 3 && (token.length > 4 || /[aeiouy]/.test(token)),
  );
  if (words.length > 0) {
    const known = words.filter((word) => isKnownWord(word, vocabulary)).length;
    if (known / words.length < 0.5) return true;
  } else if (letterRuns.length === tokens.length && letterRuns.some((run) => run.length >= 3)) {
    return true; // only vowel-less runs of letters, like `jkl`
  }
  return tokens.length >= 3 && new Set(tokens).size <= 2;
}

function isKnownWord(word: string, vocabulary: ReadonlySet<string>): boolean {
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

/**
 * A crude stem: enough to see that `saturates`, `saturation` and `saturate` share a root, and
 * forgiving of a typo late in a long word (`approahces`). Only used to compare words, never shown.
 */
function stem(word: string): string {
  const base = word.replace(/ies$/, 'y').replace(/(?:es|s)$/, '');
  return base.length > 5 ? base.slice(0, 5) : base;
}

/** Tokens that carry content: not function words, not brackets. */
function contentTokens(tokens: readonly string[]): string[] {
  return tokens.filter((token) => !stopWords.has(token) && !/^[()[\]|]$/.test(token));
}

/**
 * The answer is mostly the prompt's own words and symbols: once verbatim copies of prompt sentences
 * are cut out, next to nothing is left, or nearly all of what is left occurs in the prompt.
 */
function copiesPrompt(
  tokens: readonly string[],
  promptSentences: readonly (readonly string[])[],
  promptStems: ReadonlySet<string>,
): boolean {
  const rest = removePromptCopies(tokens, promptSentences);
  const content = contentTokens(rest);
  if (rest.length < tokens.length && content.length < 2) return true;
  if (content.length < 2) return false;
  const fromPrompt = content.filter((token) => promptStems.has(stem(token))).length;
  return fromPrompt / content.length >= 0.8;
}

/** The answer with every verbatim copy of a prompt sentence cut out, so it earns no credit. */
function removePromptCopies(
  tokens: readonly string[],
  promptSentences: readonly (readonly string[])[],
): string[] {
  let out = [...tokens];
  for (const sentence of promptSentences) {
    const next: string[] = [];
    for (let i = 0; i < out.length; ) {
      if (sentence.every((token, k) => out[i + k] === token)) i += sentence.length;
      else next.push(out[i++] as string);
    }
    out = next;
  }
  return out;
}

/** A match of a term: tokens [start, end). */
interface Occurrence {
  readonly start: number;
  readonly end: number;
}

/** An answer's canonical tokens, indexed for matching. */
class CanonicalText {
  private readonly tokens: string[] = [];
  /** The sentence each token is in: a negation does not reach into the next sentence. */
  private readonly sentenceOf: number[] = [];
  private readonly text: string;
  private readonly starts: number[] = [];
  private readonly positions = new Map<string, number[]>();
  /** The distinct tokens, sorted, for finding every token that starts with a stem. */
  private readonly sorted: readonly string[];
  private readonly found = new Map<CompiledTerm, readonly Occurrence[]>();

  /** `marked`: canonical tokens with sentence breaks. */
  constructor(marked: readonly string[]) {
    let sentence = 0;
    for (const token of marked) {
      if (token === sentenceBreak) sentence++;
      else {
        this.tokens.push(token);
        this.sentenceOf.push(sentence);
      }
    }
    let offset = 1;
    this.tokens.forEach((token, index) => {
      this.starts.push(offset);
      offset += token.length + 1;
      const list = this.positions.get(token);
      if (list) list.push(index);
      else this.positions.set(token, [index]);
    });
    this.text = ` ${this.tokens.join(' ')} `;
    this.sorted = [...this.positions.keys()].sort();
  }

  /** Where `term` occurs, in token order. */
  find(term: CompiledTerm): readonly Occurrence[] {
    let found = this.found.get(term);
    if (!found) {
      found = 'regex' in term ? this.findRegex(term.regex) : this.findTokens(term.tokens);
      this.found.set(term, found);
    }
    return found;
  }

  matches(pattern: CompiledPattern): boolean {
    const occurrences = pattern.groups.map((group) => {
      const found = group.flatMap((term) => this.find(term));
      return pattern.rejectNegated ? found.filter((match) => !this.negated(match.start)) : found;
    });
    if (occurrences.some((found) => found.length === 0)) return false;
    return pattern.within === undefined || closeTogether(occurrences, pattern.within);
  }

  private findTokens(parts: readonly TermToken[]): Occurrence[] {
    const [first, ...rest] = parts;
    if (first === undefined) return [];
    const starts = first.stem
      ? this.withPrefix(first.text)
          .flatMap((token) => this.positions.get(token) ?? [])
          .sort((a, b) => a - b)
      : (this.positions.get(first.text) ?? []);
    return starts
      .filter((start) =>
        rest.every((part, k) => {
          const token = this.tokens[start + 1 + k];
          return (
            token !== undefined && (part.stem ? token.startsWith(part.text) : token === part.text)
          );
        }),
      )
      .map((start) => ({ start, end: start + parts.length }));
  }

  /** The distinct tokens that start with `prefix` (binary search in the sorted list). */
  private withPrefix(prefix: string): string[] {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.sorted[mid] ?? '') < prefix) low = mid + 1;
      else high = mid;
    }
    const out: string[] = [];
    for (let i = low; i < this.sorted.length && this.sorted[i]?.startsWith(prefix); i++)
      out.push(this.sorted[i] as string);
    return out;
  }

  private findRegex(regex: RegExp): Occurrence[] {
    return [...this.text.matchAll(regex)].map((match) => {
      const start = this.tokenAt(match.index);
      const end = this.tokenAt(match.index + Math.max(0, match[0].length - 1)) + 1;
      return { start, end: Math.max(end, start + 1) };
    });
  }

  private negated(index: number): boolean {
    for (let k = Math.max(0, index - negationReach); k < index; k++)
      if (this.sentenceOf[k] === this.sentenceOf[index] && negators.has(this.tokens[k] ?? ''))
        return true;
    return false;
  }

  /** The token that holds character `offset` of the padded text. */
  private tokenAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

/**
 * True when one occurrence of every group can be picked so that at most `within` tokens separate
 * the first one to end from the last one to start. Sweeps the occurrences by start, keeping the
 * latest end seen in each group: linear after the sort.
 */
function closeTogether(occurrences: readonly (readonly Occurrence[])[], within: number): boolean {
  const events = occurrences
    .flatMap((found, group) => found.map((match) => ({ ...match, group })))
    .sort((a, b) => a.start - b.start);
  const latestEnd = occurrences.map(() => Number.NEGATIVE_INFINITY);
  for (const event of events) {
    latestEnd[event.group] = Math.max(latestEnd[event.group] ?? event.end, event.end);
    if (latestEnd.every((end) => event.start - (end - 1) <= within)) return true;
  }
  return false;
}
