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
const contrasts: ReadonlySet<string> = new Set([
  'but',
  'however',
  'whereas',
  'although',
  'though',
  'yet',
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

/** Words that call a whole sentence a belief the student rejects: "a common misconception". */
const rejectedBeliefs: ReadonlySet<string> = new Set([
  'myth',
  'myths',
  'misconception',
  'misconceptions',
  'fallacy',
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
    this.readStances();
  }

  /**
   * Denials and guesses that reach past a clause: "it is not true that, when …, X" and "I disagree
   * that X" deny the rest of their sentence, "a common misconception is X" and "X, said nobody
   * ever" all of it, and "X, but that is wrong" what came before, the contrast notwithstanding.
   * "X, I think." is an afterthought that makes X a guess; "I think X" states X.
   */
  private readStances(): void {
    const { tokens, sentenceOf, clauseOf } = this;
    const part = (index: number) => sentenceOf[index] ?? -1;
    const deny = (from: number, to: number) => {
      for (let index = from; index < to; index++) this.denied.add(index);
    };
    // Where each sentence part (a contrast starts a new one) starts and ends, in one pass.
    const starts: number[] = [];
    const ends: number[] = [];
    tokens.forEach((_token, index) => {
      starts.push(index > 0 && part(index - 1) === part(index) ? (starts[index - 1] ?? 0) : index);
    });
    for (let index = tokens.length - 1; index >= 0; index--)
      ends[index] =
        index + 1 < tokens.length && part(index + 1) === part(index)
          ? (ends[index + 1] ?? tokens.length)
          : index + 1;
    const partStart = (index: number) => starts[index] ?? index;
    const partEnd = (index: number) => ends[index] ?? index;
    const sameClause = (a: number, b: number) => clauseOf[a] === clauseOf[b];
    tokens.forEach((token, index) => {
      const next = tokens[index + 1];
      if (
        rejectedBeliefs.has(token) ||
        // "X is the opposite of what works" holds neither X nor what it names.
        (token === 'opposite' &&
          tokens[index - 1] === 'the' &&
          /^(?:is|are|was|were)$/.test(tokens[index - 2] ?? '')) ||
        (token === 'said' && (next === 'nobody' || `${next} ${tokens[index + 2]}` === 'no one'))
      )
        deny(partStart(index), partEnd(index));
      else if (
        token === 'disagree' ||
        (token === 'used' &&
          next === 'to' &&
          /^(?:believe|think|assume)$/.test(tokens[index + 2] ?? ''))
      )
        deny(index, partEnd(index));
      else if (/^(?:could|might|may)$/.test(token) && `${next} ${tokens[index + 2]}` === 'be that')
        add(this.hedgesOf, part(index), index);
      else if (token === 'i' && next === 'think') {
        // "i think" a clause of its own: ", I think." or "X, I think, Y".
        if (!sameClause(index - 1, index) && !sameClause(index + 2, index))
          add(this.hedgesOf, part(index), index);
      } else if (token === 'kidding' && tokens[index - 1] === 'just') {
        // "X. Just kidding, …": takes back the sentence before.
        const start = partStart(index);
        if (start > 0) deny(partStart(start - 1), start);
      } else if (claimNouns.has(token) && next === 'that') {
        // "The claim that X is wrong": the rejection comes after what it rejects.
        const end = partEnd(index);
        for (let k = index + 2; k < end; k++)
          if (/^(?:is|was)$/.test(tokens[k] ?? '') && rejectionAfter(tokens, k) > 0) {
            deny(partStart(index), end);
            return;
          }
      } else if (
        /^(?:they|it|that|this)$/.test(token) &&
        /^(?:do|does|did)$/.test(next ?? '') &&
        tokens[index + 2] === 'not' &&
        (index === 0 || !sameClause(index - 1, index)) &&
        (index + 3 >= tokens.length || !sameClause(index + 3, index + 2))
      ) {
        // "X. They don't.": a clause of its own that takes back the sentence before.
        const start = partStart(index);
        if (start === index && start > 0) deny(partStart(start - 1), start);
        else deny(start, index);
      } else if (/^(?:it|that|this|which|they|those)$/.test(token)) {
        const length = rejectionAfter(tokens, index + 1);
        if (length === 0) return;
        const after = index + 1 + length;
        const endsClause = after >= tokens.length || clauseOf[after] !== clauseOf[after - 1];
        // "It is wrong to…", "it is not the case(, for large z,) that X": what follows is denied;
        // "it is wrong: 1 − y = 2…" explains, and only what came before is rejected.
        const end = partEnd(index);
        const thatClause = tokens.findIndex(
          (word, k) => k >= after && k < end && word === 'that' && !sameClause(k - 1, k),
        );
        if (token === 'it' && (!endsClause || tokens[after] === 'that' || thatClause >= 0)) {
          deny(index, end);
          return;
        }
        const opensClause = index === 0 || clauseOf[index - 1] !== clauseOf[index];
        const afterContrast = contrasts.has(tokens[index - 1] ?? '');
        // "This is wrong for log-loss": a qualifier does not make it a claim of its own.
        const qualified = /^(?:for|in|here|with|at|on)$/.test(tokens[after] ?? '');
        if (!(endsClause || qualified) || !(opensClause || afterContrast)) return;
        const start = partStart(index);
        deny(start, index);
        // Nothing of its own before it: it rejects the sentence before ("…, but that is wrong").
        if (start >= index - (afterContrast ? 1 : 0) && start > 0)
          deny(partStart(start - 1), start);
      }
    });
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

/**
 * How many tokens from `at` reject what was just said ("is wrong", "was not true", "is a myth",
 * "is not the case"), or 0.
 */
function rejectionAfter(tokens: readonly string[], at: number): number {
  // "that claim is false", "this idea is wrong": a noun may name what was just said.
  const noun = claimNouns.has(tokens[at] ?? '') ? 1 : 0;
  const copula = /^(?:is|was|are|were)$/.test(tokens[at + noun] ?? '');
  const lead = noun + (copula ? 1 : 0);
  const [a, b, c] = [tokens[at + lead], tokens[at + lead + 1], tokens[at + lead + 2]];
  if (a === undefined) return 0;
  if (/^(?:false|untrue|wrong|incorrect|nonsense|bogus)$/.test(a)) return lead + 1;
  if (a === 'not' && b === 'the' && c === 'case') return lead + 3;
  if (a === 'not' && /^(?:true|correct|right)$/.test(b ?? '')) return lead + 2;
  // "a mistake", "a common error": an adjective may come between.
  const adjective = /^(?:common|popular|widespread|frequent|classic|typical|big)$/.test(b ?? '');
  const named = adjective ? c : b;
  if (
    (a === 'a' || a === 'an') &&
    /^(?:mistake|error|myth|misconception|fallacy)$/.test(named ?? '')
  )
    return lead + (adjective ? 3 : 2);
  if (a === 'the' && b === 'opposite' && copula) return lead + 2;
  return 0;
}

/** Nouns that name a claim just made: "that claim is false", "this idea is a myth". */
const claimNouns: ReadonlySet<string> = new Set([
  'claim',
  'claims',
  'idea',
  'ideas',
  'statement',
  'belief',
  'view',
  'story',
  'reasoning',
  'argument',
  'intuition',
  'explanation',
]);

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
