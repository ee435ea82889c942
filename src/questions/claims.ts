// An answer read as claims: its tokens, the sentence and clause each one is in, and which clauses
// deny, dismiss or hedge what they say, so a key idea is credited only where it is asserted.
import { clauseBreak, isBreak, questionBreak, sentenceBreak } from './normalize.js';

/** Words that deny what their clause says (`n't` is folded to `not` by the tokenizer). */
const negators: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'cannot',
  'nor',
  'neither',
  'none',
  'nothing',
  'nobody',
  'nowhere',
  'without',
]);

/** Words that call what their clause names useless: "clipping is unnecessary". */
const dismissals: ReadonlySet<string> = new Set([
  'unnecessary',
  'needless',
  'unneeded',
  'irrelevant',
  'useless',
  'pointless',
  'redundant',
]);

/** Words that make their whole sentence a guess: "maybe", "whether". */
const hedgeWords: ReadonlySet<string> = new Set([
  'maybe',
  'perhaps',
  'possibly',
  'probably',
  'whether',
  'unsure',
  'wonder',
  'guess',
  'idk',
]);

/** Two-word hedges: "not sure", "no idea", "don't know" (folded to `not know`). */
const hedgePairs: ReadonlySet<string> = new Set([
  'not sure',
  'not certain',
  'no idea',
  'not know',
  'not remember',
]);

/**
 * Words that start a new clause: a negation before them does not reach past them. Contrasts also
 * start a new sentence, so that no key idea is pieced together across "but".
 */
const clauseStarts: ReadonlySet<string> = new Set([
  'and',
  'so',
  'because',
  'since',
  'while',
  'which',
  'then',
  'thus',
  'hence',
  'therefore',
  'if',
  'when',
  'whenever',
  'where',
  'unless',
  'until',
  'otherwise',
  'instead',
]);
const contrasts: ReadonlySet<string> = new Set([
  'but',
  'however',
  'whereas',
  'although',
  'though',
  'yet',
]);

/** An answer's canonical tokens (breaks removed), with the sentence and clause of each. */
export class Claims {
  readonly tokens: readonly string[];
  /** The sentence of each token: key-idea terms are only combined within one sentence. */
  readonly sentenceOf: readonly number[];
  /** The sentence of each token as punctuation ends it (a contrast does not start a new one). */
  readonly periodOf: readonly number[];
  /** The clause of each token: the scope of a negation or a dismissal. */
  readonly clauseOf: readonly number[];
  /** Sentences that guess rather than assert: a question, "maybe", "not sure", "whether"… */
  readonly hedged: ReadonlySet<number>;
  /** Clauses that call what they name useless. */
  readonly dismissed: ReadonlySet<number>;
  /** Where each clause's negators are. */
  private readonly negatorsOf = new Map<number, number[]>();

  /** `marked`: canonical tokens with the breaks of `tokenizeWithBreaks`. */
  constructor(marked: readonly string[]) {
    const tokens: string[] = [];
    const sentenceOf: number[] = [];
    const clauseOf: number[] = [];
    const periodOf: number[] = [];
    let period = 0;
    const hedged = new Set<number>();
    const dismissed = new Set<number>();
    let sentence = 0;
    let clause = 0;
    for (const token of marked) {
      if (isBreak(token)) {
        if (token === questionBreak) hedged.add(sentence);
        if (token === sentenceBreak || token === questionBreak) {
          sentence++;
          period++;
        }
        if (token === clauseBreak || token === sentenceBreak || token === questionBreak) clause++;
        continue;
      }
      const previous = tokens[tokens.length - 1];
      if (previous !== undefined && contrasts.has(token)) {
        sentence++;
        clause++;
      } else if (previous !== undefined && clauseStarts.has(token)) clause++;
      const index = tokens.length;
      tokens.push(token);
      sentenceOf.push(sentence);
      clauseOf.push(clause);
      periodOf.push(period);
      if (hedgeWords.has(token) || hedgePairs.has(`${previous} ${token}`)) hedged.add(sentence);
      if (dismissals.has(token) || isDismissalPhrase(previous, token)) dismissed.add(clause);
      if (negators.has(token)) {
        const list = this.negatorsOf.get(clause);
        if (list) list.push(index);
        else this.negatorsOf.set(clause, [index]);
      }
    }
    this.tokens = tokens;
    this.sentenceOf = sentenceOf;
    this.clauseOf = clauseOf;
    this.periodOf = periodOf;
    this.hedged = hedged;
    this.dismissed = dismissed;
  }

  /**
   * True when the tokens [start, end) are asserted: their sentence is not hedged, their clause
   * dismisses nothing, and every negator of their clause is part of what was matched (`consumed`):
   * "σ never reaches 1" asserts an idea whose own words say "never reaches".
   */
  asserted(start: number, end: number, consumed: (index: number) => boolean): boolean {
    const sentence = this.sentenceOf[start] ?? -1;
    if (this.hedged.has(sentence)) return false;
    for (let index = start; index < end; index++) {
      const clause = this.clauseOf[index] ?? -1;
      if (this.dismissed.has(clause)) return false;
      for (const negator of this.negatorsOf.get(clause) ?? []) if (!consumed(negator)) return false;
    }
    return true;
  }

  /** True when the sentence of token `index` is hedged. */
  isHedged(index: number): boolean {
    return this.hedged.has(this.sentenceOf[index] ?? -1);
  }
}

/** "no need", "no role", "no effect", "no point", "no use", "no help": dismissals with `no`. */
function isDismissalPhrase(previous: string | undefined, token: string): boolean {
  return (
    (previous === 'no' || previous === 'not') &&
    ['need', 'needed', 'role', 'effect', 'point', 'use', 'help', 'matter', 'necessary'].includes(
      token,
    )
  );
}
