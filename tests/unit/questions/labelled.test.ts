// The judge over the labelled answers (tests/unit/questions/labelled): what a fair instructor
// would credit, kind by kind. LABELLED_TABLE=1 prints the tables (tuning set, held-out set).
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/lessons/load.js';
import { judgeAnswer } from '../../../src/questions/judge.js';
import {
  type LabelledAnswer,
  loadLabelled,
  precision,
  recall,
  score,
  table,
} from './labelled/score.js';

const questions = loadCourse().tasks.flatMap((task) => task.questions);
const everyLabelled = loadLabelled();
const knownMisses = everyLabelled.filter((answer) => answer.knownMiss !== undefined);
const labelled = everyLabelled.filter((answer) => answer.knownMiss === undefined);
const rows = score(labelled, questions, judgeAnswer);
const row = (kind: string) => {
  const found = rows.find((candidate) => candidate.kind === kind);
  if (!found) throw new Error(`no labelled answers of kind ${kind}`);
  return found;
};

if (process.env.LABELLED_TABLE) {
  const parts = [
    ['tuning', (answer: LabelledAnswer) => !answer.heldOut],
    ['held out', (answer: LabelledAnswer) => answer.heldOut && !answer.late],
    ['held out, written after tuning', (answer: LabelledAnswer) => answer.late === true],
  ] as const;
  for (const [name, included] of parts) {
    const part = score(labelled.filter(included), questions, judgeAnswer);
    console.log(`\n${name}\n${table(part)}`);
    if (process.env.LABELLED_TABLE === `misses ${name}`)
      for (const kind of part.filter((k) => k.kind !== 'all'))
        for (const miss of kind.misses) console.log(`${kind.kind}: ${miss}`);
  }
}

describe('the labelled answers', () => {
  it('has at least 20 answers of each kind, a third of them held out', () => {
    const kinds = rows.filter((candidate) => candidate.kind !== 'all');
    expect(kinds.map((kind) => kind.kind).sort()).toEqual(
      [
        'excellent',
        'hedge',
        'junk',
        'keyword-list',
        'lowercase-typos',
        'negation',
        'paraphrase',
        'partial',
        'pasted-model-answer',
        'pasted-prompt',
        'terse',
        'wrong-vocabulary',
      ].sort(),
    );
    for (const kind of kinds) expect(kind.answers).toBeGreaterThanOrEqual(20);
    const heldOut = labelled.filter((answer) => answer.heldOut).length;
    expect(heldOut / labelled.length).toBeGreaterThanOrEqual(0.3);
  });

  it.each(knownMisses.map((answer) => [answer.text, answer]))(
    'still misses, as recorded: %s',
    (_text, answer) => {
      // Fixed? Then remove its knownMiss mark, and it is scored like every other answer.
      const [missed] = score([answer], questions, judgeAnswer);
      expect(missed?.misses.length, answer.knownMiss).toBeGreaterThan(0);
    },
  );

  it('credits ideas with precision ≥ 0.95 over the whole set', () => {
    expect(precision(row('all'))).toBeGreaterThanOrEqual(0.95);
  });

  it.each(['excellent', 'partial', 'terse'])(
    'recalls ≥ 0.95 of the ideas on %s answers',
    (kind) => {
      expect(recall(row(kind))).toBeGreaterThanOrEqual(0.95);
    },
  );

  it('recalls ≥ 0.6 of the ideas on paraphrases', () => {
    expect(recall(row('paraphrase'))).toBeGreaterThanOrEqual(0.6);
  });

  it.each(['keyword-list', 'hedge', 'junk', 'pasted-prompt', 'pasted-model-answer'])(
    'credits no idea at all to %s answers',
    (kind) => {
      expect(row(kind).credited).toBe(0);
    },
  );

  it('credits no negated idea (only negative ideas stated as such)', () => {
    expect(row('negation').credited).toBe(row('negation').correct);
  });

  it('the gate agrees with the labels on every answer', () => {
    expect(row('all').misses.filter((miss) => / gate (true|false)/.test(miss))).toEqual([]);
  });

  it('is scored by counting ideas: a judge that says what the labels say scores 1 everywhere', () => {
    const oracle = score(labelled, questions, (question, text) => {
      const answer = labelled.find((a) => a.question === question.id && a.text === text);
      return {
        accepted: answer?.accepted ?? false,
        reason: '',
        ideas: question.keyIdeas.map((idea) => ({
          id: idea.id,
          label: idea.idea,
          matched: answer?.ideas.includes(idea.id) ?? false,
        })),
      };
    });
    for (const kind of oracle) {
      expect([kind.kind, precision(kind), recall(kind), kind.gateAgreed]).toEqual([
        kind.kind,
        1,
        1,
        kind.answers,
      ]);
    }
    expect(table(oracle)).toMatch(/^\| all \| \d+ \|/m);
  });
});
