// judgeAnswer, the one judgement every caller uses: the gate and the ideas of one answer.
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/lessons/load.js';
import { judgeAnswer } from '../../../src/questions/judge.js';

const questions = loadCourse().tasks.flatMap((task) => task.questions);
const context = { questions, otherAnswers: [] };
const byId = (id: string) => {
  const found = questions.find((question) => question.id === id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
};

describe('judgeAnswer', () => {
  it('accepts a one-line answer to the shape checkpoint and credits it', () => {
    expect(judgeAnswer(byId('grad-shape'), 'd, the same shape as w', context)).toEqual({
      accepted: true,
      reason: '',
      ideas: [
        { id: 'same-as-w', label: expect.any(String), matched: true },
        { id: 'back-to-d', label: expect.any(String), matched: false },
      ],
    });
  });

  it('refuses a single letter and the question copied back, saying why in one line', () => {
    for (const text of ['x', byId('grad-shape').prompt]) {
      const judgement = judgeAnswer(byId('grad-shape'), text, context);
      expect(judgement.accepted).toBe(false);
      expect(judgement.reason).toMatch(/^[^\n]+$/);
      expect(judgement.ideas.every((idea) => !idea.matched)).toBe(true);
    }
  });

  it('labels each idea with its line, in the question order', () => {
    const question = byId('sigmoid-saturation');
    expect(judgeAnswer(question, '', context).ideas.map((idea) => idea.label)).toEqual(
      question.keyIdeas.map((idea) => idea.idea),
    );
  });
});
