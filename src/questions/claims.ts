// An answer read as claims: its tokens, the sentence and clause each one is in, and which clauses
// deny, dismiss or hedge what they say, so a key idea is credited only where it is asserted.
import { clauseBreak, isBreak, questionBreak, sentenceBreak } from './normalize.js';
import { contrasts, readStances } from './stances.js';

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

/**
 * Words that make their whole sentence a guess: "maybe", "whether". Not `might` or `could`: "Newton
 * might diverge" states a risk; "it might be that…" is a guess (see readStances).
 */
const hedgeWords: ReadonlySet<string> = new Set([
  'maybe',
  'perhaps',
  'possibly',
  'probably',
  'whether',
  'unsure',
  'wonder',
  'guess',
  'guessing',
  'idk',
  'dunno',
  'suppose',
  'reckon',
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

/**
 * Two words that open a clause denying what it says: "explode rather than vanish", "instead of
 * p − y", "the opposite of tiny", "contrary to …". (One word: `unlike`.)
 */
const deniedClauseOpeners: ReadonlySet<string> = new Set([
  'rather than',
  'instead of',
  'opposite of',
  'contrary to',
]);

/** "fails to flatten": the clause denies what follows. */
const failWords: ReadonlySet<string> = new Set(['fail', 'fails', 'failed', 'failing']);

/** An answer's canonical tokens (breaks removed), with the sentence and clause of each. */
export class Claims {
  readonly tokens: readonly string[];
  /** The sentence of each token: key-idea terms are only combined within one sentence. */
  readonly sentenceOf: readonly number[];
  /** The sentence of each token as punctuation ends it (a contrast does not start a new one). */
  readonly periodOf: readonly number[];
  /** The clause of each token: the scope of a negation or a dismissal. */
  readonly clauseOf: readonly number[];
  /**
   * Where each sentence's guesses are ("maybe", "not sure", "whether"…; -1 for a question mark): a
   * term that has a hedge among its own words consumes it, as with negators.
   */
  private readonly hedgesOf = new Map<number, number[]>();
  /** Tokens a whole-sentence denial covers: "it is false that …", "…, but that is wrong". */
  private readonly denied = new Set<number>();
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
    const dismissed = new Set<number>();
    let sentence = 0;
    let clause = 0;
    for (const [at, token] of marked.entries()) {
      if (isBreak(token)) {
        if (token === questionBreak) add(this.hedgesOf, sentence, -1);
        if (token === sentenceBreak || token === questionBreak) {
          sentence++;
          period++;
        }
        if (token === clauseBreak || token === sentenceBreak || token === questionBreak) clause++;
        continue;
      }
      const previous = tokens[tokens.length - 1];
      const next = marked[at + 1];
      const opensDenial = token === 'unlike' || deniedClauseOpeners.has(`${token} ${next}`);
      if (previous !== undefined && contrasts.has(token)) {
        sentence++;
        clause++;
      } else if (previous !== undefined && (clauseStarts.has(token) || opensDenial)) clause++;
      const index = tokens.length;
      tokens.push(token);
      sentenceOf.push(sentence);
      clauseOf.push(clause);
      periodOf.push(period);
      if (hedgeWords.has(token)) add(this.hedgesOf, sentence, index);
      else if (hedgePairs.has(`${previous} ${token}`)) add(this.hedgesOf, sentence, index - 1);
      if (dismissals.has(token) || isDismissalPhrase(previous, token)) dismissed.add(clause);
      if (negators.has(token) || opensDenial || (failWords.has(token) && next === 'to'))
        add(this.negatorsOf, clause, index);
    }
    this.tokens = tokens;
    this.sentenceOf = sentenceOf;
    this.clauseOf = clauseOf;
    this.periodOf = periodOf;
    this.dismissed = dismissed;
    readStances(
      tokens,
      sentenceOf,
      clauseOf,
      (from, to) => {
        for (let index = from; index < to; index++) this.denied.add(index);
      },
      (part, index) => add(this.hedgesOf, part, index),
    );
  }

  /**
   * True when the tokens [start, end) are asserted: their sentence is not hedged, their clause
   * dismisses nothing, and every negator of their clause is part of what was matched (`consumed`):
   * "σ never reaches 1" asserts an idea whose own words say "never reaches".
   */
  asserted(start: number, end: number, consumed: (index: number) => boolean): boolean {
    if (this.isHedged(start, consumed)) return false;
    for (let index = start; index < end; index++) {
      if (this.denied.has(index)) return false;
      const clause = this.clauseOf[index] ?? -1;
      if (this.dismissed.has(clause)) return false;
      for (const negator of this.negatorsOf.get(clause) ?? []) if (!consumed(negator)) return false;
    }
    return true;
  }

  /** True when the sentence of token `index` guesses, other than in the words `consumed`. */
  isHedged(index: number, consumed: (index: number) => boolean = () => false): boolean {
    const hedges = this.hedgesOf.get(this.sentenceOf[index] ?? -1) ?? [];
    return hedges.some((hedge) => !consumed(hedge));
  }
}

/** Files `index` under `key`. */
function add(map: Map<number, number[]>, key: number, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
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
