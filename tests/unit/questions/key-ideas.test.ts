// The key-idea self-check: the seed student's own answers get credit for exactly what they say,
// good, partial and wrong answers of our own come out as judged, and junk gets nothing, with the
// reason. Questions are read straight from lessons/NN-id/questions.json.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { questionsFileSchema } from '../../../src/lessons/questions.js';
import type { Question } from '../../../src/lessons/types.js';
import { assertedIdeas } from '../../../src/questions/judge.js';
import { isSubmittable, matchKeyIdeas } from '../../../src/questions/key-ideas.js';

const lessonsDir = fileURLToPath(new URL('../../../lessons/', import.meta.url));

const questionsByDir: Record<string, readonly Question[]> = Object.fromEntries(
  readdirSync(lessonsDir)
    .filter((dir) => /^\d\d-/.test(dir))
    .flatMap((dir) => {
      const file = path.join(lessonsDir, dir, 'questions.json');
      try {
        const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
        return [[dir, questionsFileSchema().parse(json).questions]];
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    }),
);
const allQuestions = Object.values(questionsByDir).flat();

function question(id: string): Question {
  const found = allQuestions.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`No question \`${id}\` in lessons/*/questions.json`);
  return found;
}

/** The ids of the ideas the answer covers, in the question's order. */
function covered(questionId: string, answer: string): string[] {
  return matchKeyIdeas(question(questionId), answer)
    .ideas.filter((idea) => idea.covered)
    .map((idea) => idea.id);
}

function allIdeas(questionId: string): string[] {
  return question(questionId).keyIdeas.map((idea) => idea.id);
}

describe('the questions', () => {
  it('every task has its questions, the derivation is the only long one', () => {
    expect(
      Object.fromEntries(
        Object.entries(questionsByDir).map(([dir, questions]) => [dir, questions.map((q) => q.id)]),
      ),
    ).toEqual({
      '01-sigmoid': ['sigmoid-saturation'],
      '02-bce-loss': ['stable-log-loss'],
      '03-loss-and-grad': ['gradient-derivation', 'grad-shape', 'labels-zero-one'],
      '04-numerical-grad': ['eps-too-small'],
      '05-hvp': ['hvp-without-h'],
      '06-psd': ['psd-convexity'],
      '07-gd-step': ['separable-weights'],
      '08-newton-step': ['newton-few-steps'],
    });
    expect(allQuestions.filter((q) => q.long).map((q) => q.id)).toEqual(['gradient-derivation']);
  });

  it('every key idea is one short line, as the ✓/○ list shows it', () => {
    const long = allQuestions.flatMap((q) => q.keyIdeas.filter((idea) => idea.idea.length > 90));
    expect(long.map((idea) => idea.idea)).toEqual([]);
  });

  it.each(allQuestions.map((q) => [q.id, q] as const))(
    '%s: its model answer asserts every key idea, and pasted as an answer earns none',
    (_id, q) => {
      const ideas = assertedIdeas(q, q.modelAnswer);
      expect(ideas.filter((idea) => !idea.matched).map((idea) => idea.id)).toEqual([]);
      const report = matchKeyIdeas(q, q.modelAnswer);
      expect(report).toMatchObject({ covered: 0, verdict: 'copied-text' });
    },
  );
});

// The seed student's answers, verbatim from the comments in the seed notebook, with our judgement
// of what each one says.
describe("the seed student's own answers", () => {
  const derivation = [
    '# loss = -(y * log(p) + (1-y)*log(1-p))',
    '',
    '# d(p)/dw = X.T * p (1-p)',
    '',
    '# Now differentiating this with respect to weights:',
    '',
    '# d (loss)/ d(w) = - (y * (1/p) * d (p)/dw - (1-y)d(p)/dw/(1-p))',
    '',
    '#                = - ( d (p)/dw( y/p - (1-y)/(1-p)))',
    '',
    '#                = - ( X.t * p (1-p)( y/p - (1-y)/(1-p)))',
    '',
    '#                = - ( X.t * p (1-p)( (y- yp + yp - p)/p(1-p)))',
    '',
    '#                = - ( X.t * p (1-p)( (y- p)/p(1-p)))',
    '',
    '#                = - ( X.t @ (y- p))',
    '',
    '',
    '# Shape of grad is the same shape as the weights',
  ].join('\n');

  it('derivation: every step but the 1/n (the notebook forgot it, as the lesson says)', () => {
    // p(1 − p) as dp/dw's factor ✓; y/p − (1 − y)/(1 − p) ✓; (y − p)/p(1 − p) times p(1 − p)
    // cancels to y − p ✓; −Xᵀ(y − p) ✓; no 1/n, no mean ○. The shape is its own question now.
    expect(covered('gradient-derivation', derivation)).toEqual([
      'sigma-prime',
      'dloss-dp',
      'cancels',
      'chain-to-x',
    ]);
    // The `#` of the notebook comments changes nothing.
    expect(covered('gradient-derivation', derivation.replace(/^#/gm, ''))).toEqual(
      covered('gradient-derivation', derivation),
    );
  });

  it('the shape line, as the answer to the shape checkpoint: the same shape as w', () => {
    expect(covered('grad-shape', '# Shape of grad is the same shape as the weights')).toEqual([
      'same-as-w',
    ]);
  });

  it('eps: precision limits ✓, but no amplification by 1/ε and no truncation error O(ε²)', () => {
    const answer =
      '# When eps is small, the change can become very small, and the numerical gradient might get very small or 0 due to floating point precision limits being hit.';
    expect(covered('eps-too-small', answer)).toEqual(['round-off']);
  });

  it('PSD: curvature ≥ 0 in all directions, no dips/bowl ✓; no tangent/chord argument', () => {
    // "no dips/valleys anywhere" is about minima; it does not say that PSD holds at every w.
    const answer =
      '# PSD means curvature is non-negative in all directions. This means there are no dips/valleys anywhere implying we are in a bowl shape and hence convex';
    expect(covered('psd-convexity', answer)).toEqual(['curvature', 'local-is-global']);
  });

  it('separable: loss keeps falling as weights grow, σ never reaches 1 ✓; gradient ≠ 0 and the fix ○', () => {
    // "keep pushing the weights higher" is the conclusion the prompt gives, not the reason that
    // gradient descent cannot stop (the gradient is never 0), so that idea stays open.
    const answer = [
      '#Gradient descent will keep pushing the weights higher to make the predictions closer to 0 and 1 but since it is sigmoid function, it only approahces 1 but not exactly.',
      '# So loss keeps reducing as it keeps getting closer and closer to predicting 1, but it will never be 1 and hence weights keep increasing',
    ].join('\n');
    expect(covered('separable-weights', answer)).toEqual(['scaling-lowers-loss', 'never-attained']);
    expect(matchKeyIdeas(question('separable-weights'), answer)).toMatchObject({
      covered: 2,
      total: 4,
    });
  });
});

/** Per question: a complete answer of our own, a partial one and a wrong one that stays on topic. */
const cases: ReadonlyArray<{
  readonly id: string;
  readonly good: string;
  readonly partial: readonly [string, readonly string[]];
  readonly wrong: readonly [string, readonly string[]];
}> = [
  {
    id: 'sigmoid-saturation',
    good: 'For large |z|, e^(−z) is either negligible or huge, so σ(z) flattens out near 1 or near 0: the curve is flat there. Its derivative σ′(z) = σ(z)(1 − σ(z)) then goes to 0 (it is at most 1/4, at z = 0). Any gradient passing through σ is multiplied by that tiny σ′, so the gradients vanish, the weight updates are tiny and learning stalls.',
    partial: ["The sigmoid's output gets stuck close to 0 or 1 when |z| is large.", ['flattens']],
    wrong: [
      'Sigmoid saturates because exp(z) overflows to Infinity for large z, which makes the gradients explode and turn into NaN.',
      [],
    ],
  },
  {
    id: 'stable-log-loss',
    good: 'The naive −[y log p + (1 − y) log(1 − p)] breaks once p rounds to exactly 0 or 1: log 0 is −∞ and 0·log 0 gives NaN. The quick fix is to clip p to [ε, 1 − ε]. The better fix is to work from the logit z: ℓ = log(1 + e^z) − y·z, i.e. softplus(z) − yz, computed as max(z, 0) + log(1 + e^(−|z|)) so exp never overflows.',
    partial: [
      'Clip the probabilities to [1e-12, 1 - 1e-12] with np.clip before taking the log, so the loss stays finite.',
      ['clip'],
    ],
    wrong: [
      'Use the mean instead of the sum so that the loss does not depend on n, and round the probabilities to 4 decimals so they are stable.',
      [],
    ],
  },
  {
    id: 'gradient-derivation',
    good: [
      'For one example, z = xᵀw, p = σ(z), ℓ = −[y log p + (1 − y) log(1 − p)].',
      '∂ℓ/∂p = −y/p + (1 − y)/(1 − p)',
      '∂p/∂z = σ′(z) = p(1 − p)',
      'By the chain rule ∂ℓ/∂z = p − y, because the p(1 − p) cancels.',
      '∂z/∂w = x, so ∇ℓ = (p − y)x.',
      'Averaging over the n examples: ∇L = (1/n) Σ (pᵢ − yᵢ)xᵢ = Xᵀ(p − y)/n.',
    ].join('\n'),
    partial: [
      'dp/dz = p(1-p), and dL/dz = p - y, so grad = X^T (p - y).',
      ['sigma-prime', 'cancels', 'chain-to-x'],
    ],
    wrong: [
      'Differentiate the loss with respect to p and set it to 0: p = y. So the gradient is zero at the optimum.',
      [],
    ],
  },
  {
    id: 'grad-shape',
    good: 'Shape (d,), the same as w: p − y has n entries and Xᵀ is d×n, so it brings them back to d.',
    partial: ['d, the same shape as w', ['same-as-w']],
    wrong: ['It has the shape of y, one entry per example.', []],
  },
  {
    id: 'labels-zero-one',
    good: 'The loss −[y log p + (1 − y) log(1 − p)] uses y and 1 − y as switches: with y ∈ {0, 1} exactly one term is on. It is the Bernoulli log-likelihood, p being the probability that y = 1. With y = −1, 1 − y = 2 and the loss can go negative, so it silently computes something else. For ±1 labels use log(1 + e^(−y·z)) instead.',
    partial: ['Because p is the probability that y = 1, so y must be 0 or 1.', ['bernoulli']],
    wrong: [
      '−1/+1 labels make the gradient twice as large, so training is slower; 0/1 labels are just the convention numpy expects.',
      [],
    ],
  },
  {
    id: 'eps-too-small',
    good: 'f is computed in floating point with about 16 significant digits. For a tiny eps, f(w + eps·e) and f(w − eps·e) agree in almost every digit, so their difference is mostly round-off noise, and dividing by 2·eps amplifies that error like 1e-16/eps. A larger eps has truncation error O(eps²) instead, so there is a trade-off: the best eps is in between, around 1e-5.',
    partial: [
      'Dividing by a tiny 2ε magnifies whatever error the two evaluations of f carry.',
      ['amplified'],
    ],
    wrong: [
      'A smaller eps is always more accurate, because the finite difference tends to the true derivative as eps → 0; the check only gets worse when eps is too large.',
      [],
    ],
  },
  {
    id: 'hvp-without-h',
    good: 'Forming H costs O(nd²) time and d² memory, far too much when d is large. Instead multiply right to left: first Xv, then scale it entrywise by s, then apply Xᵀ and divide by n. Those are matrix-vector products, O(nd), the same cost as one gradient, and only vectors are stored.',
    partial: ['Because H is d×d and would take too much memory.', ['size-of-h']],
    wrong: [
      'Building H is more accurate than the product, but the product is easier to code, and both cost the same.',
      [],
    ],
  },
  {
    id: 'psd-convexity',
    good: 'vᵀHv is the second derivative of L along direction v, so PSD means the curvature is ≥ 0 in every direction. Since this holds at every point w, the slope along any line never decreases and L lies above its tangent planes, which is the definition of convexity. So there are no separate valleys: every local minimum is global.',
    partial: [
      'Convex means every chord lies above the graph, and a PSD Hessian guarantees that.',
      ['above-tangent'],
    ],
    wrong: [
      'PSD means all entries of H are positive numbers, so the loss is always positive, and a positive function is convex.',
      [],
    ],
  },
  {
    id: 'separable-weights',
    good: 'If some w separates the data, scaling it up pushes every σ(zᵢ) closer to its label, so the loss keeps decreasing as ‖w‖ grows. σ never reaches exactly 0 or 1, so the loss never reaches its infimum 0 at any finite w, and the gradient Xᵀ(p − y)/n is never exactly 0: gradient descent never stops, and the weights grow without bound. L2 regularization or early stopping fixes it.',
    partial: [
      'Because there is no finite minimum: the sigmoid only approaches 1 asymptotically.',
      ['never-attained'],
    ],
    wrong: [
      'On separable data the learning rate is too large, so gradient descent overshoots and the weights explode.',
      [],
    ],
  },
  {
    id: 'newton-few-steps',
    good: 'Newton uses the Hessian to minimise a local quadratic model of the loss, so it rescales every direction and needs no learning rate. Near the optimum it converges quadratically: the number of correct digits doubles each step. It is not always used because each step costs O(nd² + d³) to form and solve with the d×d Hessian, and far from the optimum or when H is nearly singular it can diverge without damping.',
    partial: [
      'It converges quadratically near the minimum, so a few steps are enough.',
      ['quadratic-convergence'],
    ],
    wrong: [
      "Newton's method is always faster and cheaper than gradient descent; people only use gradient descent because it is older.",
      [],
    ],
  },
];

describe.each(cases)('$id: answers of our own', ({ id, good, partial, wrong }) => {
  it('a complete answer covers every idea', () => {
    expect(covered(id, good)).toEqual(allIdeas(id));
  });

  it('a partial answer covers what it says and nothing more', () => {
    expect(covered(id, partial[0])).toEqual(partial[1]);
    expect(matchKeyIdeas(question(id), partial[0]).verdict).toBeUndefined();
  });

  it('a wrong answer on the topic covers nothing, yet is an answer (no verdict)', () => {
    const report = matchKeyIdeas(question(id), wrong[0]);
    expect(covered(id, wrong[0])).toEqual(wrong[1]);
    expect(report.verdict).toBeUndefined();
  });

  it('the prompt copied back earns nothing, also in front of a real answer', () => {
    const q = question(id);
    expect(matchKeyIdeas(q, q.prompt).verdict).toBe('copied-question');
    expect(matchKeyIdeas(q, q.prompt.toLowerCase()).verdict).toBe('copied-question');
    expect(matchKeyIdeas(q, `${q.prompt}\n\nI am not sure.`).verdict).toBe('copied-question');
    expect(covered(id, `${q.prompt}\n\n${partial[0]}`)).toEqual(partial[1]);
  });
});

describe('junk covers nothing and says why', () => {
  const junk: ReadonlyArray<readonly [string, string]> = [
    ['', 'empty'],
    ['   \n\t  ', 'empty'],
    ['asdf jkl; qwerty', 'gibberish'],
    ['aaaaaaa', 'gibberish'],
    ['sdkfj sdlkfj weoiru xcmvn', 'gibberish'],
    [
      'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.',
      'gibberish',
    ],
    ['????', 'gibberish'],
    ['jkl; jkl', 'gibberish'],
    ['the the the the the', 'gibberish'],
    ['σσσσσσ', 'gibberish'],
    ['idk', 'too-short'],
    ['yes', 'too-short'],
    ["I don't know", 'too-short'],
  ];

  it.each(allQuestions.flatMap((q) => junk.map(([answer, verdict]) => [q.id, answer, verdict])))(
    '%s: %j is %s',
    (id, answer, verdict) => {
      const report = matchKeyIdeas(question(id), answer);
      expect(report.verdict).toBe(verdict);
      expect(report.covered).toBe(0);
      expect(report.total).toBe(question(id).keyIdeas.length);
      expect(report.ideas.every((idea) => !idea.covered)).toBe(true);
    },
  );

  it('keeps every idea in the report, in order, with its line', () => {
    const q = question('sigmoid-saturation');
    expect(matchKeyIdeas(q, '').ideas).toEqual(
      q.keyIdeas.map((idea) => ({ id: idea.id, idea: idea.idea, covered: false })),
    );
  });
});

describe('Unicode, ASCII and LaTeX spellings read the same', () => {
  it.each([
    'σ′ = σ(1−σ) → 0 in the tails',
    "sigma' = sigma(1-sigma) -> 0 in the tails",
    "\\sigma'(z) = \\sigma(z)(1-\\sigma(z)) \\to 0 in the tails",
    'the derivative sigma(1 - sigma) goes to zero in the tails',
  ])('σ′ → 0: %s', (answer) => {
    expect(covered('sigmoid-saturation', answer)).toEqual(['derivative-vanishes']);
  });

  it.each([
    'The chain rule gives ∇L = Xᵀ(p − y)/n because ∂ℓ/∂z = p − y',
    'The chain rule gives grad = X.T @ (p - y) / n because dl/dz = p - y',
    'The chain rule gives grad = X^T (p-y)/n because d l / d z = p-y',
    'The chain rule gives \\nabla L = X^{\\top}(p - y)/n because dL/dz = p - y',
  ])('Xᵀ(p − y)/n: %s', (answer) => {
    expect(covered('gradient-derivation', answer)).toEqual(['cancels', 'chain-to-x', 'mean']);
  });

  it.each([
    'Truncation error is O(ε²), round-off grows like 10⁻¹⁶/ε when we divide by 2ε, so the best ε is in between.',
    'Truncation error is O(eps^2), round-off grows like 1e-16/eps when we divide by 2*eps, so the best eps is in between.',
    'Truncation error is O(eps**2), round-off grows like about 1e-16/eps when we divide by 2*eps, so the best eps is in between.',
  ])('O(ε²): %s', (answer) => {
    expect(covered('eps-too-small', answer)).toEqual(['amplified', 'trade-off']);
  });

  it.each([
    'vᵀHv ≥ 0 for every direction v: the curvature is never negative',
    'v^T H v >= 0 for every direction v: the curvature is never negative',
  ])('vᵀHv ≥ 0: %s', (answer) => {
    expect(covered('psd-convexity', answer)).toEqual(['curvature']);
  });
});

describe('matching details', () => {
  it('negation: "the gradients do not vanish" is not the vanishing-gradient idea', () => {
    expect(
      covered(
        'sigmoid-saturation',
        'For large z the output approaches 1, but the gradients do not vanish.',
      ),
    ).toEqual(['flattens']);
    expect(
      covered(
        'sigmoid-saturation',
        'For large z the output approaches 1 and the gradients vanish.',
      ),
    ).toEqual(['flattens', 'learning-stalls']);
  });

  it('a "must not" guard: saying a smaller eps is always better loses the trade-off idea', () => {
    expect(
      covered(
        'eps-too-small',
        'Truncation error O(ε²) shrinks, so the best ε is tiny: the smaller the better.',
      ),
    ).toEqual([]);
    expect(
      covered('eps-too-small', 'Truncation error O(ε²) shrinks, so the best ε is in between.'),
    ).toEqual(['trade-off']);
  });

  it('whole words: `log` is not `logit`, a stem matches its endings', () => {
    // `log(1 + e^z)` is the softplus form; `logit (1 + e` must not pass for it.
    expect(covered('stable-log-loss', 'Compute log(1 + e^z) − y·z.')).toEqual(['from-logits']);
    expect(covered('stable-log-loss', 'The logits 1 + error are stable here.')).toEqual([]);
    expect(
      covered('sigmoid-saturation', 'Learning is stalling badly and the curve is flattening.'),
    ).toEqual(['flattens', 'learning-stalls']);
  });

  it('a derivation in symbols only is an answer, not gibberish', () => {
    const symbols = [
      'dℓ/dp = −y/p + (1−y)/(1−p)',
      'dp/dz = p(1−p)',
      'dℓ/dz = p − y',
      'dz/dw = x',
    ].join('\n');
    expect(covered('gradient-derivation', symbols)).toEqual([
      'sigma-prime',
      'dloss-dp',
      'cancels',
      'chain-to-x',
    ]);
    expect(covered('psd-convexity', 'vᵀHv = Σ sᵢ(xᵢᵀv)²/n ≥ 0 ∀v, along every direction')).toEqual([
      'curvature',
    ]);
  });

  it('is deterministic, and fast even on a 20,000-character answer', () => {
    const q = question('gradient-derivation');
    const long = `${q.modelAnswer}\n`.repeat(40);
    const first = matchKeyIdeas(q, long);
    const started = performance.now();
    for (let i = 0; i < 10; i++) expect(matchKeyIdeas(q, long)).toEqual(first);
    // Typically ~20 ms here and ~1 ms for an ordinary answer; the bound leaves room for a busy CI.
    expect((performance.now() - started) / 10).toBeLessThan(250);
  });
});

describe('pattern mechanics, on a made-up question', () => {
  const made: Question = {
    id: 'made-up',
    prompt: 'What happens to the gradient?',
    long: false,
    modelAnswer: 'It vanishes.',
    keyIdeas: [
      { id: 'stem', idea: 'a stem', patterns: [{ all: [['saturat*']] }] },
      { id: 'word', idea: 'a whole word', patterns: [{ all: [['log']] }] },
      {
        id: 'near',
        idea: 'two groups close together',
        patterns: [{ all: [['loss'], ['decreas*', 'falls']], within: 2 }],
      },
      {
        id: 'negatable',
        idea: 'not after a negation',
        patterns: [{ all: [['grad*'], ['vanish*']], within: 2 }],
      },
      {
        id: 'guarded',
        idea: 'unless the answer says the opposite',
        patterns: [{ all: [['truncation']] }],
        unless: ['the smaller the better'],
      },
      { id: 'regex', idea: 'a regular expression', patterns: [{ all: [['/1e-1[0-6]/']] }] },
    ],
  };
  const ideas = (answer: string) =>
    matchKeyIdeas(made, answer)
      .ideas.filter((idea) => idea.covered)
      .map((idea) => idea.id);

  it('matches stems on any ending and plain words only whole', () => {
    expect(ideas('It saturates, then saturation sets in')).toEqual(['stem']);
    expect(ideas('Take the log of p here')).toEqual(['word']);
    expect(ideas('Take the logit of p here')).toEqual([]);
  });

  it('counts `within` from the end of one match to the start of the next', () => {
    expect(ideas('the loss decreases a lot')).toEqual(['near']);
    expect(ideas('the loss then falls')).toEqual(['near']);
    expect(ideas('the loss, as it turns out, decreases')).toEqual([]);
  });

  it('drops a match right after a negation, but not across a sentence end', () => {
    expect(ideas('the gradients vanish here')).toEqual(['negatable']);
    expect(ideas('here the gradients do not vanish')).toEqual([]);
    expect(ideas('here no gradients vanish')).toEqual([]);
    expect(ideas('This is not fine. Gradients vanish there.')).toEqual(['negatable']);
  });

  it('lets an `unless` term veto the idea anywhere in the answer', () => {
    expect(ideas('truncation error is the issue here')).toEqual(['guarded']);
    expect(ideas('truncation error only; the smaller the better')).toEqual([]);
  });

  it('runs a `/regex/` term over the canonical text', () => {
    expect(ideas('round-off near 1e-16 relative')).toEqual(['regex']);
    expect(ideas('round-off near 1e-20 relative')).toEqual([]);
  });
});

describe('isSubmittable', () => {
  const q = question('psd-convexity');

  it('needs something besides whitespace', () => {
    expect(isSubmittable('')).toBe(false);
    expect(isSubmittable(' \n\t')).toBe(false);
    expect(isSubmittable('x')).toBe(true);
  });

  it('refuses the question copied back, when it knows the question', () => {
    expect(isSubmittable(q.prompt, q)).toBe(false);
    expect(isSubmittable(`  ${q.prompt.toUpperCase()}  `, q)).toBe(false);
    expect(isSubmittable(q.prompt)).toBe(true);
  });

  it('lets any real attempt through, even one that covers nothing or is junk', () => {
    expect(isSubmittable('Because the Hessian is positive.', q)).toBe(true);
    expect(isSubmittable('asdf jkl; qwerty', q)).toBe(true);
  });
});
