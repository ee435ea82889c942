// Stances that reach past a clause (src/questions/stances.ts): what the student takes back,
// reports of others' beliefs, counterfactuals said not to hold, exceptions and rejected subjects
// earn nothing; the same words asserted keep their credit.
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/lessons/load.js';
import { judgeAnswer } from '../../../src/questions/judge.js';

const questions = loadCourse().tasks.flatMap((task) => task.questions);
/** The ids of the ideas credited to `text` as an answer to question `id`, sorted. */
const credited = (id: string, text: string) => {
  const question = questions.find((candidate) => candidate.id === id);
  if (!question) throw new Error(`no question ${id}`);
  return judgeAnswer(question, text, { questions, otherAnswers: [] })
    .ideas.filter((idea) => idea.matched)
    .map((idea) => idea.id)
    .sort();
};

describe('stances', () => {
  it.each([
    // Counterfactuals that the next part says do not hold.
    ['sigmoid-saturation', "If the gradients vanished, learning would stall, but they don't here."],
    [
      'sigmoid-saturation',
      'If σ saturated, the gradients would vanish and learning would stall. But σ never really saturates with log-loss.',
    ],
    [
      'stable-log-loss',
      "If p hit exactly 0, log 0 would be -infinity, but that can't happen because σ never returns exactly 0.",
    ],
    [
      'newton-few-steps',
      'If Newton started far from the optimum it would overshoot, but on log-loss it never does.',
    ],
    [
      'eps-too-small',
      'If eps were too small, round-off would dominate and dividing by 2eps would amplify it — but in float64 this never happens.',
    ],
    [
      'separable-weights',
      'If the weights get larger the loss should decrease, but it actually increases past some point.',
    ],
    // What others believe.
    [
      'sigmoid-saturation',
      'Some people think the sigmoid flattens for large |z| and the gradients vanish; they are mistaken.',
    ],
    ['separable-weights', "Some claim there's no finite minimiser, but there is one: w = 0."],
    [
      'gradient-derivation',
      "One might think the p(1 − p) cancels, but it doesn't: dℓ/dz = (p − y)·p(1 − p).",
    ],
    // A subject rejected.
    [
      'newton-few-steps',
      'The textbook claim "Newton converges quadratically" is false for logistic regression.',
    ],
    [
      'stable-log-loss',
      'People say you should clip p, but clipping p is wrong because it changes the gradient.',
    ],
    // Retractions.
    [
      'sigmoid-saturation',
      'The derivative vanishes in the tails. Scratch that: it is constant, 1/4 everywhere.',
    ],
    [
      'sigmoid-saturation',
      'σ′(z) → 0 in both tails. I was wrong about that, it only shrinks for negative z.',
    ],
    [
      'sigmoid-saturation',
      'The sigmoid flattens for large |z|. Actually no, it keeps growing linearly.',
    ],
    [
      'newton-few-steps',
      "* quadratic convergence near the optimum\n* actually no, it's linear like GD",
    ],
    // Exceptions and conditions that turn the claim around.
    [
      'psd-convexity',
      "The curvature is non-negative in every direction except along the data's null space, where it is negative.",
    ],
    ['sigmoid-saturation', 'The slope σ(1−σ) is tiny except in the tails, where it is large.'],
    [
      'separable-weights',
      'The loss keeps decreasing as the weights grow only if the data are NOT separable.',
    ],
  ])('%s: %s earns nothing', (id, text) => {
    expect(credited(id, text)).toEqual([]);
  });

  it.each([
    [
      'stable-log-loss',
      'Clipping p to [eps, 1 - eps] is a mistake; it biases the loss. Compute it from the logits instead.',
      ['from-logits'],
    ],
    [
      'hvp-without-h',
      '- forming H costs O(nd^2)\n- Hv costs O(nd)\n- (scratch that, both are O(nd^2))',
      ['size-of-h'],
    ],
    // The same words, said as the student's own, keep their credit.
    [
      'eps-too-small',
      'If eps were too small, round-off would dominate and dividing by 2eps would amplify it.',
      ['amplified', 'round-off'],
    ],
    [
      'eps-too-small',
      'People think the smaller the better, but for tiny eps the round-off error dominates and dividing by 2eps amplifies it.',
      ['amplified', 'round-off'],
    ],
    [
      'newton-few-steps',
      'Newton converges quadratically only if you start near the optimum.',
      ['quadratic-convergence'],
    ],
    // "Unless" states a condition: the claim it qualifies keeps its credit, or loses it to the
    // question's own unless terms ("unless z is large").
    [
      'separable-weights',
      'Unless you add L2 regularization, the weights grow without bound.',
      ['regularise'],
    ],
    ['sigmoid-saturation', 'Learning stalls unless z stays small.', ['learning-stalls']],
    ['sigmoid-saturation', 'The gradient vanishes unless z is large.', []],
    [
      'stable-log-loss',
      'The naive formula is wrong for large z because log(0) = -inf gives NaN.',
      ['naive-breaks'],
    ],
    ['hvp-without-h', 'Storing H is a mistake: it takes d² memory.', ['size-of-h']],
    // What everyone (or my notes) say is theirs: it does not void the student's own claim.
    [
      'eps-too-small',
      "Everyone thinks smaller eps is always better. It isn't: round-off error dominates for tiny eps.",
      ['round-off'],
    ],
    // "Actually not" inside a claim is the claim, not a retraction.
    [
      'separable-weights',
      'The gradient is actually not zero for any finite w.',
      ['gradient-never-zero'],
    ],
  ])('%s: %s', (id, text, ideas) => {
    expect(credited(id, text)).toEqual(ideas);
  });
});
