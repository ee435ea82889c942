// Key-idea patterns, compiled, and matched on an answer read as claims: terms of one pattern are
// combined only within a sentence, and only where the answer asserts them (see claims.ts).
import type { KeyIdeaPattern } from '../lessons/types.js';
import type { Claims } from './claims.js';
import { tokenize } from './normalize.js';

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

/** True when a term says more than one word: several tokens, or a regular expression. */
export function isPhrase(term: CompiledTerm): boolean {
  return 'regex' in term || term.tokens.length >= 2;
}

/** A pattern ready to match. */
export interface CompiledPattern {
  readonly groups: readonly (readonly CompiledTerm[])[];
  readonly within: number | undefined;
  /** Terms that void the pattern in the sentence where they are asserted. */
  readonly unless: readonly CompiledTerm[];
}

export function compilePattern(pattern: KeyIdeaPattern): CompiledPattern {
  return {
    groups: pattern.all.map((group) => group.map(compileTerm)),
    within: pattern.within,
    unless: (pattern.unless ?? []).map(compileTerm),
  };
}

/**
 * Why a pattern could credit an idea on one keyword, or undefined when it cannot: a pattern needs
 * two groups, or, alone, a group of phrases (`p ( 1 - p )`, `same shape as`).
 */
export function singleKeyword(pattern: CompiledPattern): string | undefined {
  const [only, ...rest] = pattern.groups;
  if (only === undefined || rest.length > 0) return undefined;
  const word = only.find((term) => !isPhrase(term));
  return word === undefined
    ? undefined
    : `\`${word.source}\` alone would credit the idea on one word: pair it with a second group`;
}

/** A match of a term: tokens [start, end). */
export interface Occurrence {
  readonly start: number;
  readonly end: number;
}

/** An answer's claims, indexed for matching terms. */
export class AnswerText {
  private readonly tokens: readonly string[];
  private readonly text: string;
  private readonly starts: number[] = [];
  private readonly positions = new Map<string, number[]>();
  /** The distinct tokens, sorted, for finding every token that starts with a stem. */
  private readonly sorted: readonly string[];
  private readonly found = new Map<CompiledTerm, readonly Occurrence[]>();

  /** `skip(index)`: tokens that earn nothing (copied text); no term matches across them. */
  constructor(
    readonly claims: Claims,
    skip: (index: number) => boolean,
  ) {
    this.tokens = claims.tokens.map((token, index) => (skip(index) ? '\u0000' : token));
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

  /** Where `term` occurs, in token order, within one sentence. */
  find(term: CompiledTerm): readonly Occurrence[] {
    let found = this.found.get(term);
    if (!found) {
      found = ('regex' in term ? this.findRegex(term.regex) : this.findTokens(term.tokens)).filter(
        ({ start, end }) => this.claims.sentenceOf[start] === this.claims.sentenceOf[end - 1],
      );
      this.found.set(term, found);
    }
    return found;
  }

  /** Where `terms` occur and are asserted, a negator inside any of them counting as their own. */
  assertedOccurrences(terms: readonly CompiledTerm[]): {
    readonly asserted: Occurrence[];
    readonly hedged: boolean;
  } {
    const all = terms.flatMap((term) => this.find(term));
    const consumed = this.coveredBy(terms);
    const asserted = all.filter((o) => this.claims.asserted(o.start, o.end, consumed));
    const hedged = all.some((o) => this.claims.isHedged(o.start, consumed));
    return { asserted, hedged };
  }

  /**
   * True when the answer asserts the pattern: every group occurs, asserted, in one sentence, close
   * together when the pattern says `within`. `hedged`: some of it was found, but in a guess.
   */
  matches(pattern: CompiledPattern): { readonly matched: boolean; readonly hedged: boolean } {
    const consumed = this.coveredBy(pattern.groups.flat());
    let hedged = false;
    const bySentence = new Map<number, Occurrence[][]>();
    pattern.groups.forEach((group, index) => {
      for (const term of group)
        for (const occurrence of this.find(term)) {
          if (this.claims.isHedged(occurrence.start, consumed)) hedged = true;
          if (!this.claims.asserted(occurrence.start, occurrence.end, consumed)) continue;
          const sentence = this.claims.sentenceOf[occurrence.start] ?? -1;
          let groups = bySentence.get(sentence);
          if (!groups) {
            groups = pattern.groups.map(() => []);
            bySentence.set(sentence, groups);
          }
          groups[index]?.push(occurrence);
        }
    });
    // A sentence that also asserts the opposite ("lies below its tangent") credits nothing.
    const voided = new Set(
      this.assertedOccurrences(pattern.unless).asserted.map(
        ({ start }) => this.claims.sentenceOf[start] ?? -1,
      ),
    );
    for (const [sentence, groups] of bySentence) {
      if (voided.has(sentence) || groups.some((found) => found.length === 0)) continue;
      if (pattern.within === undefined || closeTogether(groups, pattern.within))
        return { matched: true, hedged: false };
    }
    return { matched: false, hedged };
  }

  /** Whether token `index` is part of an occurrence of one of `terms`. */
  private coveredBy(terms: readonly CompiledTerm[]): (index: number) => boolean {
    const covered = new Set<number>();
    for (const term of terms)
      for (const { start, end } of this.find(term))
        for (let index = start; index < end; index++) covered.add(index);
    return (index) => covered.has(index);
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
