// Stances that reach past a clause: denials, rejections, retractions, attributions, guesses and
// counterfactuals. An answer's claims (claims.ts) call readStances once, with where to record what
// it finds: a key idea is credited only where the student asserts it as their own.

/** Words that start a new sentence part, so that no key idea is pieced together across "but". */
export const contrasts: ReadonlySet<string> = new Set([
  'but',
  'however',
  'whereas',
  'although',
  'though',
  'yet',
]);

/** Words that call a whole sentence a belief the student rejects: "a common misconception". */
const rejectedBeliefs: ReadonlySet<string> = new Set([
  'myth',
  'myths',
  'misconception',
  'misconceptions',
  'fallacy',
]);

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

/**
 * Phrases that take back what came just before: "X. Scratch that: Y", "X. Actually no, Y",
 * "X... no wait, Y", "X. I was wrong about that, Y". What follows them is the student's claim.
 */
const retractions: readonly string[] = [
  'scratch that',
  'strike that',
  'actually no',
  'no wait',
  'wait no',
  'never mind',
  'nevermind',
  'i was wrong',
  'i am wrong',
  'i take that back',
  'just kidding',
];

/** Verbs that report what others believe: "some people think X", "one might say X". */
const reportingVerbs =
  /^(?:think|thinks|say|says|claim|claims|believe|believes|argue|argues|expect|assume|assumes)$/;
/**
 * Who believes it, just before the verb: "some (people)", "many", "everyone", "one might", "you
 * would", "my notes (say)".
 */
const reportedBelievers =
  /^(?:some|people|many|most|others|everyone|everybody|students|notes|textbooks?|might|would|may|could)$/;

/** Words of a counterfactual's main clause: "if σ saturated, the gradients would vanish". */
const counterfactualModals = /^(?:would|should)$/;
/** What, after a contrast, says that a counterfactual does not hold: "but it never does". */
const actuality = /^(?:not|no|never|cannot|nothing|none|actually|only)$/;

/** Where each token's sentence part (a contrast starts a new one) starts and ends. */
function partBounds(sentenceOf: readonly number[]): { starts: number[]; ends: number[] } {
  const part = (index: number) => sentenceOf[index] ?? -1;
  const starts: number[] = [];
  const ends: number[] = [];
  sentenceOf.forEach((_sentence, index) => {
    starts.push(index > 0 && part(index - 1) === part(index) ? (starts[index - 1] ?? 0) : index);
  });
  for (let index = sentenceOf.length - 1; index >= 0; index--)
    ends[index] =
      index + 1 < sentenceOf.length && part(index + 1) === part(index)
        ? (ends[index + 1] ?? sentenceOf.length)
        : index + 1;
  return { starts, ends };
}

/**
 * Denials and guesses that reach past a clause: "it is not true that, when …, X" and "I disagree
 * that X" deny the rest of their sentence, "a common misconception is X" and "X, said nobody
 * ever" all of it, and "X, but that is wrong" what came before, the contrast notwithstanding.
 * "X, I think." is an afterthought that makes X a guess; "I think X" states X. `deny` records
 * tokens [from, to) as denied; `hedge` records a guess in sentence part `part` at `index`.
 */
export function readStances(
  tokens: readonly string[],
  sentenceOf: readonly number[],
  clauseOf: readonly number[],
  deny: (from: number, to: number) => void,
  hedge: (part: number, index: number) => void,
): void {
  const part = (index: number) => sentenceOf[index] ?? -1;
  const { starts, ends } = partBounds(sentenceOf);
  const partStart = (index: number) => starts[index] ?? index;
  const partEnd = (index: number) => ends[index] ?? index;
  const sameClause = (a: number, b: number) => clauseOf[a] === clauseOf[b];
  const clauseStart = (index: number) => {
    let start = index;
    while (start > 0 && sameClause(start - 1, index)) start--;
    return start;
  };
  const phraseAt = (index: number, phrase: string) =>
    phrase.split(' ').every((word, k) => tokens[index + k] === word);
  // "X. They don't." or "X, but it doesn't here": takes back the sentence part before.
  const takeBack = (index: number) => {
    const start = partStart(index);
    const leading = tokens.slice(start, index).filter((word) => !/^(?:[-(*]|but)$/.test(word));
    if (leading.length === 0 && start > 0) deny(partStart(start - 1), start);
    else deny(start, index);
  };
  tokens.forEach((token, index) => {
    const next = tokens[index + 1];
    const retraction = retractions.find((phrase) => phraseAt(index, phrase));
    if (retraction !== undefined && retracts(index, retraction.split(' ').length)) {
      takeBack(index);
      return;
    }
    if (
      rejectedBeliefs.has(token) ||
      // "X is the opposite of what works" holds neither X nor what it names.
      (token === 'opposite' &&
        tokens[index - 1] === 'the' &&
        /^(?:is|are|was|were)$/.test(tokens[index - 2] ?? '')) ||
      (token === 'said' && (next === 'nobody' || `${next} ${tokens[index + 2]}` === 'no one')) ||
      // "X except in the tails": neither the rule nor its exception is said as written.
      token === 'except' ||
      // "…only if the data are NOT separable": a denied condition takes the claim with it.
      (token === 'only' &&
        /^(?:if|when)$/.test(next ?? '') &&
        tokens
          .slice(index + 2, partEnd(index))
          .some(
            (word, k) => sameClause(index + 2 + k, index + 2) && /^(?:not|no|never)$/.test(word),
          ))
    )
      deny(partStart(index), partEnd(index));
    else if (reportingVerbs.test(token) && reportedBelievers.test(tokens[index - 1] ?? ''))
      // "Some claim X", "one might think X": what others believe, not what the student says.
      deny(partStart(index), partEnd(index));
    else if (
      token === 'disagree' ||
      (token === 'used' &&
        next === 'to' &&
        /^(?:believe|think|assume)$/.test(tokens[index + 2] ?? ''))
    )
      deny(index, partEnd(index));
    else if (/^(?:could|might|may)$/.test(token) && `${next} ${tokens[index + 2]}` === 'be that')
      hedge(part(index), index);
    else if (token === 'i' && next === 'think') {
      // "i think" a clause of its own: ", I think." or "X, I think, Y".
      if (!sameClause(index - 1, index) && !sameClause(index + 2, index)) hedge(part(index), index);
    } else if (token === 'if') readCounterfactual(index);
    else if (claimNouns.has(token) && next === 'that') {
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
      clauseEndsAfterQualifiers(index + 3)
    )
      takeBack(index);
    else if (/^(?:it|that|this|which|they|those)$/.test(token)) readRejection(index);
    else if (/^(?:is|are|was|were)$/.test(token) && index > 0 && sameClause(index - 1, index)) {
      // "Clipping p is a mistake", "the textbook claim 'X' is false": the subject is rejected.
      const length = rejectionAfter(tokens, index);
      const named = tokens[index + 1];
      if (length === 0 || named === 'the' || tokens[index + length] === 'error') return;
      if (/^(?:i|you|we|he|she|it|that|this|which|they|those)$/.test(tokens[index - 1] ?? ''))
        return;
      deny(clauseStart(index), index + length);
    }
  });

  /**
   * True when the phrase of `length` tokens at `index` opens its clause ("X. Actually no, Y"), and
   * a bare "no" in it ends it: "there is actually no finite minimum" retracts nothing.
   */
  function retracts(index: number, length: number): boolean {
    const start = clauseStart(index);
    const lead = tokens.slice(start, index).every((word) => /^(?:[-(*]|but|and|oh|so)$/.test(word));
    const last = index + length - 1;
    const ends = last + 1 >= tokens.length || !sameClause(last + 1, last);
    return lead && (tokens[last] !== 'no' || ends);
  }

  /** True when the clause from `at` on is over, or holds only "here", "really", "at all"…. */
  function clauseEndsAfterQualifiers(at: number): boolean {
    for (let k = at; k < tokens.length && sameClause(k, at - 1); k++)
      if (
        !/^(?:here|there|now|really|actually|anymore|at|all|in|practice|this|case)$/.test(
          tokens[k] ?? '',
        )
      )
        return false;
    return true;
  }

  /**
   * "If the gradients vanished, learning would stall, but they don't": a counterfactual that the
   * next part, after a contrast, says does not hold ("never", "not", "actually", "only") is
   * not the student's claim.
   */
  function readCounterfactual(index: number): void {
    const end = partEnd(index);
    const start = partStart(index);
    if (!tokens.slice(start, end).some((word) => counterfactualModals.test(word))) return;
    if (end >= tokens.length || !contrasts.has(tokens[end] ?? '')) return;
    if (tokens.slice(end, partEnd(end)).some((word) => actuality.test(word))) deny(start, end);
  }

  /** "X, but that is wrong", "it is not the case that X", "X; they are mistaken". */
  function readRejection(index: number): void {
    const token = tokens[index];
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
    if (start >= index - (afterContrast ? 1 : 0) && start > 0) deny(partStart(start - 1), start);
  }
}

/**
 * How many tokens from `at` reject what was just said ("is wrong", "was not true", "is a myth",
 * "is not the case", "are mistaken"), or 0.
 */
function rejectionAfter(tokens: readonly string[], at: number): number {
  // "that claim is false", "this idea is wrong": a noun may name what was just said.
  const noun = claimNouns.has(tokens[at] ?? '') ? 1 : 0;
  const copula = /^(?:is|was|are|were)$/.test(tokens[at + noun] ?? '');
  const lead = noun + (copula ? 1 : 0);
  const [a, b, c] = [tokens[at + lead], tokens[at + lead + 1], tokens[at + lead + 2]];
  if (a === undefined) return 0;
  if (/^(?:false|untrue|wrong|incorrect|nonsense|bogus|mistaken)$/.test(a)) return lead + 1;
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
