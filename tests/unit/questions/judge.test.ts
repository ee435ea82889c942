// judgeAnswer, the one judgement every caller uses: the gate, the ideas an answer asserts (not
// denies, dismisses or guesses at), and the copies and keyword lists that earn nothing.
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/lessons/load.js';
import { questionsFileSchema } from '../../../src/lessons/questions.js';
import type { Question } from '../../../src/lessons/types.js';
import { type JudgeContext, judgeAnswer } from '../../../src/questions/judge.js';

const questions = loadCourse().tasks.flatMap((task) => task.questions);
const alone: JudgeContext = { questions, otherAnswers: [] };
const byId = (id: string) => {
  const found = questions.find((question) => question.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
};
/** The ids of the ideas credited to `text` as an answer to question `id`. */
const credited = (id: string, text: string, context: JudgeContext = alone) =>
  judgeAnswer(byId(id), text, context)
    .ideas.filter((idea) => idea.matched)
    .map((idea) => idea.id);

describe('the gate', () => {
  it('accepts a one-line answer to the shape checkpoint and credits it', () => {
    expect(judgeAnswer(byId('grad-shape'), 'd, the same shape as w', alone)).toEqual({
      accepted: true,
      reason: '',
      ideas: [
        { id: 'same-as-w', label: expect.any(String), matched: true },
        { id: 'back-to-d', label: expect.any(String), matched: false },
      ],
    });
  });

  it.each([
    ['x', 'too short'],
    ['p - y', 'too short'],
    ['(n,)', 'too short'],
    ['idk', 'too short'],
    ['', 'empty'],
    ['asdf qwer zxcv', 'does not read'],
    ['Checkpoint: what is the shape of grad?', 'repeats the question'],
  ])('refuses %j, saying why in one line (%s)', (text, why) => {
    const judgement = judgeAnswer(byId('grad-shape'), text, alone);
    expect(judgement.accepted).toBe(false);
    expect(judgement.reason).toMatch(/^[^\n]+$/);
    expect(judgement.reason.toLowerCase()).toContain(why);
    expect(judgement.ideas.every((idea) => !idea.matched)).toBe(true);
  });

  it.each(['(d,)', 'shape (d,)', '(d,), matching w.', 'Same as w: a length-d vector.'])(
    'accepts %j, short but complete, as an answer to the shape checkpoint',
    (text) => {
      const judgement = judgeAnswer(byId('grad-shape'), text, alone);
      expect(judgement.accepted).toBe(true);
      expect(credited('grad-shape', text)).toEqual(['same-as-w']);
    },
  );

  it('reads "each of the d features" as a sentence, not as key terms glued with filler', () => {
    const text =
      'grad has shape (d,) — one entry for each of the d features/weights, not n. Xᵀ is d by n and (p−y) is n, so Xᵀ(p−y) is d.';
    expect(judgeAnswer(byId('grad-shape'), text, alone).accepted).toBe(true);
    expect(credited('grad-shape', text)).toEqual(['same-as-w', 'back-to-d']);
  });

  it('keeps refusing a short answer to a question that is not a checkpoint', () => {
    expect(judgeAnswer(byId('gradient-derivation'), 'p - y', alone).accepted).toBe(false);
  });

  it('accepts an answer that shares the prompt’s formula, when its words are its own', () => {
    const judgement = judgeAnswer(
      byId('gradient-derivation'),
      'dz/dw = x, so grad = X^T (p - y).',
      alone,
    );
    expect(judgement.accepted).toBe(true);
    expect(judgement.ideas.filter((idea) => idea.matched).map((idea) => idea.id)).toEqual([
      'chain-to-x',
    ]);
  });

  it('accepts a short answer that repeats the prompt’s words and answers in symbols', () => {
    for (const text of ['grad has shape (d,), the same as w.', 'The shape of grad is (d,).']) {
      const judgement = judgeAnswer(byId('grad-shape'), text, alone);
      expect([text, judgement.accepted, judgement.reason]).toEqual([text, true, '']);
    }
    const sameShape = judgeAnswer(byId('grad-shape'), 'grad has shape (d,), the same as w.', alone);
    expect(sameShape.ideas.find((idea) => idea.id === 'same-as-w')?.matched).toBe(true);
  });

  it('accepts a wrong answer, a guess and a denial: they are attempts, credited with nothing', () => {
    for (const text of [
      'It has the shape of y, one entry per example.',
      'Maybe the same shape as w?',
      'It is not the same shape as w.',
    ]) {
      const judgement = judgeAnswer(byId('grad-shape'), text, alone);
      expect([text, judgement.accepted]).toEqual([text, true]);
      expect(judgement.ideas.filter((idea) => idea.matched)).toEqual([]);
    }
  });

  it('labels each idea with its line, in the question order', () => {
    const question = byId('sigmoid-saturation');
    expect(judgeAnswer(question, '', alone).ideas.map((idea) => idea.label)).toEqual(
      question.keyIdeas.map((idea) => idea.idea),
    );
  });
});

describe('claims, not keywords', () => {
  it('credits an idea asserted, not the same words denied, dismissed or guessed at', () => {
    const id = 'separable-weights';
    expect(credited(id, 'Adding L2 regularization fixes it.')).toEqual(['regularise']);
    expect(credited(id, "Regularization doesn't help here.")).toEqual([]);
    expect(credited(id, 'Regularization is unnecessary, it does nothing.')).toEqual([]);
    expect(credited(id, 'There is no need for regularization to fix it.')).toEqual([]);
    expect(credited(id, 'Maybe adding L2 regularization fixes it.')).toEqual([]);
    expect(credited(id, 'Does adding L2 regularization fix it?')).toEqual([]);
    expect(credited(id, "I'm not sure whether L2 regularization fixes it.")).toEqual([]);
  });

  it('reads an idea that is itself a negative statement with its own polarity', () => {
    const id = 'separable-weights';
    expect(credited(id, 'The gradient is never exactly 0, so GD never stops.')).toEqual([
      'gradient-never-zero',
    ]);
    expect(credited(id, 'σ never reaches 1, so no finite w attains the minimum.')).toEqual([
      'never-attained',
    ]);
    // Denying the negative idea is not asserting it.
    expect(credited(id, 'It is not true that the gradient is never 0.')).toEqual([]);
  });

  it('scopes a negation over its clause only: the next clause keeps its own polarity', () => {
    const id = 'sigmoid-saturation';
    expect(credited(id, 'The output does not explode, and the gradients vanish.')).toEqual([
      'learning-stalls',
    ]);
    expect(credited(id, 'The gradients vanish; the output does not explode.')).toEqual([
      'learning-stalls',
    ]);
    // Each term is judged in its own clause: "vanish" is denied here, wherever "gradients" is.
    expect(credited(id, 'The gradients, as far as I can tell, do not vanish.')).toEqual([]);
  });

  it('the issue’s examples earn nothing', () => {
    expect(
      credited(
        'newton-few-steps',
        'Newton does not use curvature, it does not converge quadratically, and it never diverges.',
      ),
    ).toEqual([]);
    expect(
      credited('stable-log-loss', 'Clipping or softplus is unnecessary since NaN cannot happen.'),
    ).toEqual([]);
    expect(
      credited(
        'sigmoid-saturation',
        "I'm not sure whether the sigmoid flattens out or whether its derivative goes to zero.",
      ),
    ).toEqual([]);
    expect(
      credited('hvp-without-h', 'Forming H is cheap, O(d), so we could just form it.'),
    ).toEqual([]);
  });

  it('never pieces an idea together across sentences or across "but"', () => {
    const id = 'hvp-without-h';
    expect(credited(id, 'H needs memory.')).toEqual(['size-of-h']);
    expect(credited(id, 'H is fine. Memory is needed elsewhere.')).toEqual([]);
    expect(credited(id, 'We keep H, but memory goes to the data.')).toEqual([]);
  });
});

describe('text that earns nothing', () => {
  it.each([
    'sigmoid saturate gradient vanish derivative zero',
    'saturation, flat, vanishing gradients, sigma prime, learning stalls',
    'Saturation: flat; vanishing; sigma prime; stall.',
    'saturation -> flat curve, vanishing gradient, stalled learning',
  ])('a list of keywords is refused, and says so: %s', (text) => {
    const judgement = judgeAnswer(byId('sigmoid-saturation'), text, alone);
    expect(judgement).toMatchObject({ accepted: false });
    expect(judgement.reason).toMatch(/list of keywords/);
  });

  it('a list needs four words or more with almost no glue; short sentences are not lists', () => {
    expect(
      judgeAnswer(byId('sigmoid-saturation'), 'vanishing gradients stall learning', alone).accepted,
    ).toBe(true);
    expect(
      credited('sigmoid-saturation', 'Sigma flattens at 0 and 1 for large z, so learning stalls.'),
    ).toEqual(['flattens', 'learning-stalls']);
  });

  it.each([
    ['hvp-without-h', 'Hv takes two matrix-vector products.'],
    ['newton-few-steps', 'Newton exploits second-order curvature information.'],
    ['psd-convexity', 'PSD Hessian means nonnegative curvature everywhere.'],
    ['separable-weights', 'Larger weights always mean lower loss on separable data.'],
    ['psd-convexity', 'L curves upward in every direction. Hence no bad local minima.'],
    ['hvp-without-h', 'Two matrix-vector products cost O(nd).'],
  ])('a short sentence whose verb links subject and object is not a list: %s', (id, text) => {
    const judgement = judgeAnswer(byId(id), text, alone);
    expect(judgement.accepted).toBe(true);
    expect(judgement.reason).not.toMatch(/keywords/);
  });

  it.each([
    'derivative chain rule cancels rows mean average transpose',
    'weights grow infinity loss decreases sigmoid never reaches one gradient takes forever regularization early stopping',
  ])(
    'a verb among a long run of keywords, or a noun that looks like one, leaves it a list: %s',
    (text) => {
      expect(judgeAnswer(byId('separable-weights'), text, alone).reason).toMatch(/keywords/);
    },
  );

  it('a list inside a real answer earns nothing, the sentences around it do', () => {
    const judgement = judgeAnswer(
      byId('sigmoid-saturation'),
      'For large z the gradients vanish and learning stalls. Keywords: saturation flat plateau asymptote derivative.',
      alone,
    );
    expect(judgement.accepted).toBe(true);
    expect(judgement.ideas.filter((idea) => idea.matched).map((idea) => idea.id)).toEqual([
      'learning-stalls',
    ]);
    expect(judgement.reason).toMatch(/keywords/);
  });

  it('the model answer and the idea lines, pasted, are refused', () => {
    for (const question of questions) {
      const pasted = [
        question.modelAnswer,
        question.keyIdeas.map((idea) => `✓ ${idea.idea}`).join('\n'),
      ];
      for (const text of pasted) {
        const judgement = judgeAnswer(question, text, alone);
        expect([question.id, judgement.accepted, judgement.reason]).toEqual([
          question.id,
          false,
          expect.stringMatching(/copies the (model answer|key ideas)/),
        ]);
      }
    }
  });

  it('a sentence of the model answer pasted into an answer of one’s own earns nothing', () => {
    const question = byId('psd-convexity');
    const copied =
      'If that holds at every point w, not just at one, then along every line the slope g′ never decreases, so g lies above its tangent lines.';
    expect(question.modelAnswer).toContain(copied);
    const judgement = judgeAnswer(
      question,
      `${copied} The bending along any direction v, which is vᵀHv, can never go below zero.`,
      alone,
    );
    expect(judgement.accepted).toBe(true);
    expect(judgement.ideas.filter((idea) => idea.matched).map((idea) => idea.id)).toEqual([
      'curvature',
    ]);
    expect(judgement.reason).toMatch(/copied from the model answer/);
  });

  it('a pasted sentence of notation and few words earns nothing either; a formula of one’s own does', () => {
    const question = byId('sigmoid-saturation');
    const copied =
      'For large positive z, e^(−z) → 0 and σ(z) → 1; for large negative z, e^(−z) explodes and σ(z) → 0.';
    expect(question.modelAnswer).toContain(copied);
    const judgement = judgeAnswer(
      question,
      `${copied} Learning then goes on as usual in the tails, with large updates to every weight.`,
      alone,
    );
    expect(judgement.ideas.filter((idea) => idea.matched)).toEqual([]);
    expect(judgement.reason).toMatch(/copied from the model answer/);
    // The same facts in the student's own words and symbols keep their credit.
    expect(
      credited(
        'sigmoid-saturation',
        'For big positive z the exponential e^(−z) goes to 0 so σ(z) → 1, and for big negative z σ(z) → 0: the curve is flat in both tails.',
      ),
    ).toContain('flattens');
  });

  it('an answer revised after reading the model answer, borrowing a phrase or two, keeps its credit', () => {
    const revised =
      'Once eps is tiny, the two values f(w+eps) and f(w-eps) agree in almost all their digits, so what is left after subtracting is rounding noise, and dividing by 2 eps amplifies it.';
    const judgement = judgeAnswer(byId('eps-too-small'), revised, alone);
    expect(judgement).toMatchObject({ accepted: true, reason: '' });
    expect(credited('eps-too-small', revised)).toEqual(['round-off', 'amplified']);
  });

  it('another question’s text is refused, and named', () => {
    const other = byId('newton-few-steps');
    const judgement = judgeAnswer(byId('psd-convexity'), other.modelAnswer, alone);
    expect(judgement.accepted).toBe(false);
    expect(judgement.reason).toContain('newton-few-steps');
  });

  it('one text pasted into several questions is refused for the next one', () => {
    const text =
      'The weights keep growing because the loss keeps falling, the gradient never reaches zero, and regularization with an L2 penalty fixes it, which is why Newton and the Hessian matter here too.';
    const first = judgeAnswer(byId('separable-weights'), text, alone);
    expect(first.accepted).toBe(true);
    const again = judgeAnswer(byId('newton-few-steps'), text, {
      questions,
      otherAnswers: [{ questionId: 'separable-weights', text }],
    });
    expect(again).toMatchObject({ accepted: false });
    expect(again.reason).toContain('your answer to separable-weights');
    // The answer to the same question is not "another" answer.
    expect(
      judgeAnswer(byId('separable-weights'), text, {
        questions,
        otherAnswers: [{ questionId: 'separable-weights', text }],
      }).accepted,
    ).toBe(true);
  });
});

describe('notation, spelling and typos read the same', () => {
  it.each([
    'dℓ/dz = ŷ − y, since dŷ/dz = ŷ(1 − ŷ) cancels',
    'dl/dz = yhat - y, since d yhat/dz = yhat(1 - yhat) cancels',
    'dl/dz = y_hat - y, since the derivative is y_hat(1 - y_hat) which cancels',
    'dl/dz = p̂ − y, since dp̂/dz = p̂(1 − p̂) cancels',
    'dl/dz = h(x) - y, since the derivative is h(x)(1 - h(x)) which cancels',
    '\\frac{dL}{dz} = \\hat{y} - y, since the derivative \\hat{y}(1-\\hat{y}) cancels',
  ])('ŷ is p: %s', (text) => {
    expect(credited('gradient-derivation', text)).toEqual(['sigma-prime', 'cancels']);
  });

  it('reads ** as a power, British -ise as -ize, and corrects one-letter typos', () => {
    expect(
      credited('eps-too-small', 'Truncation error is O(eps**2), so the best eps is in between.'),
    ).toEqual(['trade-off']);
    expect(credited('separable-weights', 'L2 regularisation keeps w finite.')).toEqual([
      'regularise',
    ]);
    expect(credited('separable-weights', 'L2 regularization keeps w finite.')).toEqual([
      'regularise',
    ]);
    expect(
      credited(
        'psd-convexity',
        'there are no seperate valleys so every local minimum is the global minimum',
      ),
    ).toEqual(['local-is-global']);
    expect(
      credited(
        'newton-few-steps',
        'each step needs the d by d hessain, which is too expensive for large d',
      ),
    ).toEqual(['cost-per-step']);
  });

  it('reads a missing apostrophe as the negation it is', () => {
    expect(credited('separable-weights', 'regularization doesnt help')).toEqual([]);
    expect(credited('separable-weights', 'regularization does help')).toEqual(['regularise']);
  });
});

describe("a pattern's unless", () => {
  // A pattern voided by its opposite in the same sentence, and only there.
  const question: Question = {
    id: 'tangent',
    prompt: 'Where does a convex function lie?',
    long: false,
    modelAnswer: 'Above its tangents.',
    keyIdeas: [
      {
        id: 'above-tangent',
        idea: 'It lies above its tangents',
        patterns: [
          { all: [['tangent*'], ['above', 'below']], within: 8, unless: ['below its tangent*'] },
        ],
      },
    ],
  };
  const judged = (text: string) =>
    judgeAnswer(question, text, { questions: [question], otherAnswers: [] }).ideas[0]?.matched;

  it('voids the pattern in a sentence that asserts one of its terms', () => {
    expect(judged('The function lies below its tangent lines, and chords lie above.')).toBe(false);
    expect(judged('The graph lies above its tangent lines.')).toBe(true);
  });

  it('leaves a denied opposite and another sentence alone', () => {
    expect(judged('Never below its tangents, it lies above its tangent lines.')).toBe(true);
    expect(
      judged('A concave one lies below its tangents. A convex one lies above its tangents.'),
    ).toBe(true);
  });

  it('is checked by the questions schema like any term', () => {
    const file = (unless: string[]) => ({
      formatVersion: 1,
      questions: [
        {
          ...question,
          keyIdeas: [
            { ...question.keyIdeas[0], patterns: [{ all: [['tangent*'], ['above']], unless }] },
          ],
        },
      ],
    });
    expect(questionsFileSchema().safeParse(file(['below its tangent*'])).success).toBe(true);
    expect(questionsFileSchema().safeParse(file(['/(/'])).success).toBe(false);
  });
});
