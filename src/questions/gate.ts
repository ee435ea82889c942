// What an answer is before its ideas are matched: empty, junk, the prompt copied back, a list of
// keywords, text copied from elsewhere, or at least one sentence in the student's own words.
import type { Claims } from './claims.js';
import { isBreak } from './normalize.js';
import { contentTokens, gramsOf, isKnownWord, isWord, stem } from './question-index.js';
import {
  baseFormVerbs,
  commonWords,
  functionWords,
  linkingVerbs,
  mathWords,
  stopWords,
} from './words.js';

/**
 * Keyboard mash, one character or word repeated, lorem ipsum: no letters or digits at all, mostly
 * words that are neither English nor the question's own, or one or two tokens said over and over.
 * Short vowel-less runs (`dz`, `hv`, `xv`) are math, not words, and are left out of the count.
 */
export function isGibberish(tokens: readonly string[], vocabulary: ReadonlySet<string>): boolean {
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

/**
 * The answer is mostly the prompt's own words: once verbatim copies of prompt sentences are cut
 * out, next to nothing is left, or nearly all of what is left, its words and its symbols alike,
 * occurs in the prompt: a derivation's answer shares the prompt's formula ("grad = Xᵀ(p − y)")
 * and is still an answer when its words are its own, and a short answer may repeat the prompt's
 * words when its symbols answer it.
 */
export function copiesPrompt(
  tokens: readonly string[],
  promptSentences: readonly (readonly string[])[],
  promptStems: ReadonlySet<string>,
): boolean {
  const copied = promptCopies(tokens, promptSentences);
  const rest = tokens.filter((_token, index) => !copied.has(index));
  const symbolsToo = contentTokens(rest);
  if (rest.length < tokens.length && symbolsToo.length < 2) return true;
  if (symbolsToo.length < 2) return false;
  const fromPrompt = (tokens: readonly string[]) =>
    tokens.filter((token) => promptStems.has(stem(token))).length / tokens.length;
  const words = symbolsToo.filter(isWord);
  // Both must be the prompt's: "grad has shape (d,), the same as w" repeats the prompt's words
  // but answers it in symbols of its own.
  return (words.length < 2 || fromPrompt(words) >= 0.8) && fromPrompt(symbolsToo) >= 0.8;
}

/** The indices of the tokens that are a verbatim copy of a prompt sentence. */
export function promptCopies(
  tokens: readonly string[],
  promptSentences: readonly (readonly string[])[],
): Set<number> {
  const copied = new Set<number>();
  for (const sentence of promptSentences)
    for (let i = 0; i + sentence.length <= tokens.length; i++)
      if (sentence.every((token, k) => tokens[i + k] === token))
        for (let k = 0; k < sentence.length; k++) copied.add(i + k);
  return copied;
}

/**
 * A sentence of five words or more (one-letter variables and math aside) in which fewer than one
 * word in eight is a function word ("the", "is", "of", "so"…), and no `=`, `<` or `>` states
 * a relation (an arrow between keywords does not), nor a cost with its unit ("O(nd) time"): a list of keywords,
 * not a claim. Four words are too few to tell.
 */
export function isWordList(sentence: readonly string[], pauses = 0): boolean {
  if (sentence.some((token) => /^(?:=|<|>|<=|>=|!=)$/.test(token))) return false;
  // So does a cost with its unit, in note form: "right-to-left matvecs, O(nd) time, O(n+d) mem".
  if (hasCostUnit(sentence)) return false;
  const words = sentence.filter(isWord);
  if (words.length < 5) return false;
  if (hasLinkingVerb(sentence, words.length)) return false;
  // A comma inside a sentence is grammar too: "Newton uses second-order information, converging
  // quadratically near the optimum" has one "the" in nine words and is a claim.
  const glue = words.filter((word) => functionWords.has(word)).length + pauses;
  return glue / words.length < 1 / 8;
}

/** True when a big-O is followed by what it measures: "O(nd) time", "O(d²) memory". */
function hasCostUnit(sentence: readonly string[]): boolean {
  return sentence.some((token, k) => {
    if (token !== 'o' || sentence[k + 1] !== '(') return false;
    const close = sentence.indexOf(')', k + 2);
    return (
      close > 0 &&
      /^(?:time|memory|mem|space|storage|operations|flops)$/.test(sentence[close + 1] ?? '')
    );
  });
}

/** Words before a base-form verb that make it one: "larger weights always mean lower loss". */
const adverbs = /^(?:always|usually|often|also|still|just|generally|typically|then|only|all)$/;
/** Words after a plural that make the base form between them a verb: "weights mean lower loss". */
const linkedTo = /^(?:lower|higher|larger|smaller|bigger|less|more|a|an|the|two|no|\d.*)$/;

/**
 * A sentence of twelve words or fewer with a verb between two of its words linking them: "Newton
 * exploits second-order curvature information". A longer run of keywords with a verb among them
 * stays a list. A base form is a verb after an adverb, or after a plural and before a comparative,
 * an article or math ("two products cost O(nd)"), not before a word ("rows mean average").
 */
function hasLinkingVerb(sentence: readonly string[], words: number): boolean {
  if (words > 12) return false;
  const wordAt = sentence.map((token) => isWord(token));
  const first = wordAt.indexOf(true);
  const last = wordAt.lastIndexOf(true);
  return sentence.some((token, k) => {
    if (k <= first || k >= last) return false;
    if (linkingVerbs.has(token)) return true;
    if (!baseFormVerbs.has(token)) return false;
    const before = sentence[k - 1] ?? '';
    const after = sentence[k + 1] ?? '';
    return (
      adverbs.test(before) || (before.endsWith('s') && (linkedTo.test(after) || !isWord(after)))
    );
  });
}

// Not `its`, which students type for "it's" ("its a d-dimensional vector"), nor `this`, a
// pronoun as often ("but this is false").
const determiners = new Set(['the', 'a', 'an', 'every', 'each', 'their']);
/** Words no noun phrase starts with, so none may follow a determiner. */
const notAfterDeterminer = new Set([
  ...determiners,
  ...'of in on at to from with by for into is are was were be been has have had can could will would may might must should do does did and or but so because if when while it they we i you'.split(
    ' ',
  ),
]);
/** Words a sentence cannot end on. */
const notLast = new Set([...determiners, 'of', 'from', 'with', 'by', 'into', 'and', 'or', 'is']);

/**
 * Key terms glued with a few filler words ("the d squared memory of the hessian is matrix vector
 * the right to left O(nd) the"): a sentence of eight words or more with a determiner where no
 * noun phrase can follow it ("the every", "the is") or that ends on one ("… O(nd) the", "… far
 * from"). A typed twice word ("the the") is a slip, not salad; nor is "each of the d weights".
 */
export function isWordSalad(sentence: readonly string[]): boolean {
  const words = sentence.filter(isWord);
  if (words.length < 8) return false;
  const last = sentence[sentence.length - 1];
  if (last !== undefined && notLast.has(last)) return true;
  return sentence.some((token, k) => {
    const next = sentence[k + 1];
    return (
      determiners.has(token) &&
      next !== undefined &&
      next !== token &&
      notAfterDeterminer.has(next) &&
      !isNamedCompound(next, sentence[k + 2]) &&
      !isPartitive(token, next)
    );
  });
}

/** "each of the d features": a determiner standing alone before "of". */
function isPartitive(determiner: string, next: string): boolean {
  return determiner === 'each' && next === 'of';
}

/**
 * A hyphenated or underscored name the tokenizer split, that a noun phrase may start with: "the
 * from-logits loss" (Keras' `from_logits`, PyTorch's `BCEWithLogitsLoss`).
 */
function isNamedCompound(word: string, next: string | undefined): boolean {
  return word === 'from' && next !== undefined && /^logits?$/.test(next);
}

/**
 * An answer of four fragments or more (between commas, colons, semicolons and full stops), each
 * of three words or fewer, with hardly a function word among them: "curvature, every direction,
 * every point, tangent, chord" or "clip; softplus; logits". An answer of short sentences has
 * more glue ("σ′ → 0 in the tails, so learning stalls").
 */
export function isFragmentList(marked: readonly string[]): boolean {
  const fragments: string[][] = [[]];
  for (const token of marked) {
    if (isBreak(token)) fragments.push([]);
    else fragments[fragments.length - 1]?.push(token);
  }
  const withWords = fragments
    .map((fragment) => fragment.filter(isWord))
    .filter((words) => words.length > 0);
  if (withWords.length < 4 || withWords.some((words) => words.length > 3)) return false;
  const words = withWords.flat();
  // An equation is a claim, even in a row of short ones (dp/dz = p(1 − p), dz/dw = x); an arrow
  // between keywords is not.
  if (marked.some((token) => /^(?:=|<|>|<=|>=|!=)$/.test(token))) return false;
  // So is a cost given per unit ("Cost: O(d³) per step"); a bare "O(nd)" among keywords is not.
  if (hasRate(marked)) return false;
  return words.filter((word) => functionWords.has(word)).length / words.length < 1 / 4;
}

/** True when a big-O is followed by "per" and a word: "O(d³) per step", "O(nd) per product". */
function hasRate(marked: readonly string[]): boolean {
  return marked.some((token, k) => {
    if (token !== 'o' || marked[k + 1] !== '(') return false;
    const close = marked.indexOf(')', k + 2);
    return close > 0 && marked[close + 1] === 'per' && isWord(marked[close + 2] ?? '');
  });
}

/**
 * A sentence long enough to say something: three tokens or more besides brackets, one of them a
 * word of two letters or more ("d, the same shape as w" is; "x", "p - y" and "idk" are not).
 */
export function isLongEnough(sentence: readonly string[]): boolean {
  const meaningful = sentence.filter((token) => !/^[()[\]|]$/.test(token));
  return meaningful.length >= 3 && meaningful.some(isWord);
}

/**
 * The share of `grams` that occur in `source`: how much of a text is a copy of it. Revising an
 * answer after reading the model answer borrows a phrase or two; a copy shares most 4-grams.
 */
export function sharedShare(grams: readonly string[], source: ReadonlySet<string>): number {
  if (grams.length === 0) return 0;
  return grams.filter((gram) => source.has(gram)).length / grams.length;
}

/** The word 4-grams of each sentence of an answer, and its token range. */
export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
  readonly tokens: readonly string[];
  readonly grams: readonly string[];
}

/** The sentences of an answer's claims, as punctuation ends them, as token ranges. */
export function sentencesOf(claims: Claims): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (let index = 1; index <= claims.tokens.length; index++) {
    if (index < claims.tokens.length && claims.periodOf[index] === claims.periodOf[start]) continue;
    const tokens = claims.tokens.slice(start, index);
    spans.push({ start, end: index, tokens, grams: gramsOf(tokens) });
    start = index;
  }
  return spans;
}

/** Every word the typo correction may correct towards, besides a question's own. */
const knownSpellings: readonly string[] = [...stopWords, ...commonWords, ...mathWords].filter(
  (word) => word.length >= 4,
);

/** Corrections already worked out, per set of a question's spellings. */
const corrections = new WeakMap<ReadonlySet<string>, Map<string, string>>();

/**
 * The tokens with each unknown word of five letters or more replaced by the one known word
 * (the question's own first) it is one edit from: a letter added, dropped, changed, or two
 * neighbours swapped (`gradiant`, `hessain`, `seperable`). A word with no such neighbour stays as
 * typed.
 */
export function correctTypos(tokens: readonly string[], spellings: ReadonlySet<string>): string[] {
  let known = corrections.get(spellings);
  if (!known) {
    known = new Map();
    corrections.set(spellings, known);
  }
  const memo = known;
  return tokens.map((token) => {
    if (token.length < 5 || !/^[a-z]+$/.test(token)) return token;
    let corrected = memo.get(token);
    if (corrected === undefined) {
      corrected = correction(token, spellings);
      memo.set(token, corrected);
    }
    return corrected;
  });
}

function correction(token: string, spellings: ReadonlySet<string>): string {
  if (isSpelledRight(token, spellings)) return token;
  for (const candidates of [spellings, knownSpellings]) {
    const near = [...candidates].filter((word) => oneEditApart(token, word));
    if (near.length > 0) return near.sort()[0] as string;
  }
  return token;
}

const exactlyKnown: ReadonlySet<string> = new Set([...stopWords, ...commonWords, ...mathWords]);

/** A word as written in the word lists or the question, or one of their inflections. */
function isSpelledRight(token: string, spellings: ReadonlySet<string>): boolean {
  const known = (word: string) => spellings.has(word) || exactlyKnown.has(word);
  if (known(token)) return true;
  const base = /^(.{3,}?)(?:s|es|ed|d|ing|ly|er|ers)$/.exec(token)?.[1];
  return base !== undefined && (known(base) || known(`${base}e`));
}

/** True when `a` and `b` differ by one insertion, deletion, substitution or adjacent swap. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
