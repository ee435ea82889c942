// Scores a judge over the labelled answers: per kind, how many credited ideas were right
// (precision), how many labelled ideas were credited (recall), and how often the gate agreed.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Question } from '../../../../src/lessons/types.js';
import type { AnswerJudgement, JudgeContext } from '../../../../src/questions/judge.js';

/** One labelled answer: what a fair instructor would credit, and whether it counts as answered. */
export interface LabelledAnswer {
  readonly kind: string;
  readonly question: string;
  readonly text: string;
  /** Idea ids a fair instructor would credit. */
  readonly ideas: readonly string[];
  readonly accepted: boolean;
  /** Kept out of tuning; scored only at the end. */
  readonly heldOut: boolean;
  /**
   * Written after the matcher was tuned, as a second held-out batch (the first one was read once
   * it had been scored).
   */
  readonly late?: boolean;
  /**
   * What today's judge gets wrong on this answer, said plainly. Such answers are kept out of the
   * scores and checked to still be missed, so a fix shows (and the mark must then go).
   */
  readonly knownMiss?: string;
}

/** The figures of one kind (or of all kinds, `kind: 'all'`). */
export interface KindScore {
  readonly kind: string;
  readonly answers: number;
  /** Ideas labelled as deserved. */
  readonly labelled: number;
  /** Ideas the judge credited. */
  readonly credited: number;
  /** Credited and labelled. */
  readonly correct: number;
  /** Answers where the gate agreed with the label. */
  readonly gateAgreed: number;
  /** Each answer the judge got wrong, for reading (tuning set only). */
  readonly misses: readonly string[];
}

const dir = fileURLToPath(new URL('./', import.meta.url));

/** Every labelled answer, kind by kind in file order. */
export function loadLabelled(): LabelledAnswer[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const parsed = JSON.parse(readFileSync(`${dir}${file}`, 'utf8')) as {
        kind: string;
        answers: Omit<LabelledAnswer, 'kind'>[];
      };
      return parsed.answers.map((answer) => ({ ...answer, kind: parsed.kind }));
    });
}

/** Scores `judge` on `answers`, per kind and over all of them (last row). */
export function score(
  answers: readonly LabelledAnswer[],
  questions: readonly Question[],
  judge: (question: Question, text: string, context: JudgeContext) => AnswerJudgement,
): KindScore[] {
  const context: JudgeContext = { questions, otherAnswers: [] };
  const rows = new Map<string, KindScore>();
  const add = (kind: string, answer: LabelledAnswer, judgement: AnswerJudgement) => {
    const row = rows.get(kind) ?? {
      kind,
      answers: 0,
      labelled: 0,
      credited: 0,
      correct: 0,
      gateAgreed: 0,
      misses: [],
    };
    const credited = judgement.ideas.filter((idea) => idea.matched).map((idea) => idea.id);
    const correct = credited.filter((id) => answer.ideas.includes(id));
    const gateAgreed = judgement.accepted === answer.accepted;
    const wrong = correct.length !== credited.length || correct.length !== answer.ideas.length;
    rows.set(kind, {
      kind,
      answers: row.answers + 1,
      labelled: row.labelled + answer.ideas.length,
      credited: row.credited + credited.length,
      correct: row.correct + correct.length,
      gateAgreed: row.gateAgreed + (gateAgreed ? 1 : 0),
      misses:
        wrong || !gateAgreed
          ? [
              ...row.misses,
              `${answer.question} [${answer.ideas.join(' ')}] got [${credited.join(' ')}]` +
                `${gateAgreed ? '' : ` gate ${judgement.accepted}`} ${judgement.reason}: ${answer.text}`,
            ]
          : row.misses,
    });
  };
  for (const answer of answers) {
    const question = questions.find((candidate) => candidate.id === answer.question);
    if (!question) throw new Error(`labelled answer for unknown question ${answer.question}`);
    for (const id of answer.ideas)
      if (!question.keyIdeas.some((idea) => idea.id === id))
        throw new Error(`labelled idea ${id} is not an idea of ${question.id}`);
    const judgement = judge(question, answer.text, context);
    add(answer.kind, answer, judgement);
    add('all', answer, judgement);
  }
  const all = rows.get('all');
  rows.delete('all');
  return all ? [...rows.values(), all] : [...rows.values()];
}

/** Precision of a row: 1 when nothing was credited. */
export const precision = (row: KindScore): number =>
  row.credited === 0 ? 1 : row.correct / row.credited;
/** Recall of a row: 1 when nothing was labelled. */
export const recall = (row: KindScore): number =>
  row.labelled === 0 ? 1 : row.correct / row.labelled;

/** The rows as a markdown table. */
export function table(rows: readonly KindScore[]): string {
  const fixed = (value: number) => value.toFixed(2);
  return [
    '| kind | answers | ideas labelled | credited | precision | recall | gate agrees |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.kind} | ${row.answers} | ${row.labelled} | ${row.credited} | ${fixed(precision(row))} | ${fixed(recall(row))} | ${row.gateAgreed}/${row.answers} |`,
    ),
  ].join('\n');
}
