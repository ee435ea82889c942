import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../../src/lessons/types.js';
import { answerFromFile, answerTemplate } from '../../../src/progress/answer-files.js';
import {
  type AnswerPlace,
  markIdea,
  recordAnswer,
  saveAnswer,
  syncAnswerFiles,
} from '../../../src/progress/answer-record.js';
import { allQuestions, judgeContext, latestAnswer } from '../../../src/progress/answers.js';
import { openProgressStore } from '../../../src/progress/store.js';
import { course, tempDir } from '../../helpers/workspace.js';

function place(): AnswerPlace {
  return {
    course: course(),
    store: openProgressStore({ cwd: tempDir('logreg-cfg-') }),
    dir: tempDir('logreg-ws-'),
  };
}

function question(id: string): Question {
  const found = course()
    .tasks.flatMap((task) => task.questions)
    .find((candidate) => candidate.id === id);
  if (!found) throw new Error(`No question ${id}`);
  return found;
}

const shape = 'The gradient has shape (d,), the same shape as w: one entry per weight.';
const shapeFile = (dir: string) => path.join(dir, 'answers', 'grad-shape.md');

describe('recordAnswer', () => {
  it('records nothing for an answer the gate refuses, and says why', async () => {
    const at = place();
    const result = await recordAnswer(at, question('grad-shape'), 'x');
    expect(result.judgement.accepted).toBe(false);
    expect(result.judgement.reason).not.toBe('');
    expect(at.store.workspace(at.dir).answers).toBeUndefined();
    expect(existsSync(shapeFile(at.dir))).toBe(false);
  });

  it('keeps an accepted answer in the store and in answers/ID.md, with the ideas', async () => {
    const at = place();
    const result = await recordAnswer(at, question('grad-shape'), shape);
    expect(result.judgement.accepted).toBe(true);
    expect(result.fileError).toBeUndefined();
    expect(latestAnswer(result.progress, 'grad-shape')).toMatchObject({ text: shape, gated: true });
    const file = readFileSync(shapeFile(at.dir), 'utf8');
    expect(answerFromFile(file)).toBe(shape);
    expect(file).toContain('Checkpoint: what is the shape of grad?');
    expect(file).toMatch(/matched automatically; not marked by you/);
  });

  it('keeps every earlier version of the file in answers/.history', async () => {
    const at = place();
    await recordAnswer(at, question('grad-shape'), shape);
    const second = 'grad is a vector of length d, like w: the residual p − y has n entries.';
    await recordAnswer(at, question('grad-shape'), second);
    expect(answerFromFile(readFileSync(shapeFile(at.dir), 'utf8'))).toBe(second);
    const history = path.join(at.dir, 'answers', '.history');
    const kept = readdirSync(history).sort();
    expect(kept).toHaveLength(2);
    expect(
      kept.map((file) => answerFromFile(readFileSync(path.join(history, file), 'utf8'))),
    ).toEqual([shape, second]);
    // No temporary file is left behind by the atomic write.
    expect(readdirSync(path.join(at.dir, 'answers')).sort()).toEqual(['.history', 'grad-shape.md']);
  });

  it('judges an answer with the latest answers to the other questions as its context', async () => {
    const at = place();
    const text =
      'For large |z| the sigmoid is flat, so its slope is almost zero and learning stalls.';
    await recordAnswer(at, question('sigmoid-saturation'), text);
    const context = judgeContext(
      allQuestions(course().tasks),
      at.store.workspace(at.dir),
      'stable-log-loss',
    );
    expect(context.questions).toHaveLength(allQuestions(course().tasks).length);
    expect(context.otherAnswers).toEqual([{ questionId: 'sigmoid-saturation', text }]);
    expect(
      judgeContext(allQuestions(course().tasks), at.store.workspace(at.dir), 'sigmoid-saturation')
        .otherAnswers,
    ).toEqual([]);
  });
});

describe('markIdea', () => {
  it('keeps the mark in the store and lists it in the answer file', async () => {
    const at = place();
    await recordAnswer(at, question('grad-shape'), shape);
    const { progress } = await markIdea(at, question('grad-shape'), 'back-to-d', 'not-covered');
    expect(progress.selfMarks?.['grad-shape']?.['back-to-d']?.mark).toBe('not-covered');
    const file = readFileSync(shapeFile(at.dir), 'utf8');
    expect(file).toContain('marked by you: not covered');
    // The mark is in a comment: the answer itself is unchanged, and no new version is kept.
    expect(answerFromFile(file)).toBe(shape);
    expect(readdirSync(path.join(at.dir, 'answers', '.history'))).toHaveLength(1);
  });
});

describe('an answer and a mark made at once', () => {
  it('write the file one after the other, and both report the store with the mark', async () => {
    const at = place();
    const saving = saveAnswer(at, question('grad-shape'), shape);
    const marking = markIdea(at, question('grad-shape'), 'same-as-w', 'covered');
    const [saved, marked] = await Promise.all([saving, marking]);
    for (const result of [saved, marked])
      expect(result.progress.selfMarks?.['grad-shape']?.['same-as-w']?.mark).toBe('covered');
    const file = readFileSync(shapeFile(at.dir), 'utf8');
    expect(answerFromFile(file)).toBe(shape);
    expect(file).toContain('marked by you: covered');
  });
});

describe('syncAnswerFiles', () => {
  it('writes out the answers the store has and the workspace lacks, once', async () => {
    const at = place();
    at.store.submitAnswer(at.dir, 'grad-shape', shape);
    const first = await syncAnswerFiles(at);
    expect(first.notices).toEqual([expect.stringContaining('Wrote your answer to answers/')]);
    expect(answerFromFile(readFileSync(shapeFile(at.dir), 'utf8'))).toBe(shape);
    expect((await syncAnswerFiles(at)).notices).toEqual([]);
  });

  it('lets an edited file win, through the gate, and says so', async () => {
    const at = place();
    await recordAnswer(at, question('grad-shape'), shape);
    const edited = 'It is a d-vector, the same shape as w, since Xᵀ(p − y) has d entries.';
    writeFileSync(shapeFile(at.dir), answerTemplate('grad-shape', 'prompt', edited));
    const sync = await syncAnswerFiles(at);
    expect(sync.notices).toEqual([expect.stringContaining('the file wins')]);
    expect(latestAnswer(sync.progress, 'grad-shape')?.text).toBe(edited);
    expect(sync.progress.answers?.['grad-shape']).toHaveLength(2);
  });

  it('records nothing from a file the gate refuses, keeps the earlier answer, and says why', async () => {
    const at = place();
    await recordAnswer(at, question('grad-shape'), shape);
    writeFileSync(shapeFile(at.dir), 'x\n');
    const sync = await syncAnswerFiles(at);
    expect(sync.notices).toEqual([
      expect.stringMatching(
        /answers\/grad-shape\.md differs .* not accepted: .*earlier answer stays/,
      ),
    ]);
    expect(latestAnswer(sync.progress, 'grad-shape')?.text).toBe(shape);
    // The student's file is theirs: it is not overwritten.
    expect(readFileSync(shapeFile(at.dir), 'utf8')).toBe('x\n');
  });

  it("keeps a draft of the student's that a recorded answer replaces", async () => {
    const at = place();
    mkdirSync(path.join(at.dir, 'answers'));
    writeFileSync(shapeFile(at.dir), 'half a thought\n');
    await recordAnswer(at, question('grad-shape'), shape);
    const history = path.join(at.dir, 'answers', '.history');
    const drafts = readdirSync(history).filter((file) => file.endsWith('.unrecorded.md'));
    expect(drafts).toHaveLength(1);
    expect(readFileSync(path.join(history, drafts[0] ?? ''), 'utf8')).toBe('half a thought\n');
  });

  it('records a file written before any answer was', async () => {
    const at = place();
    await recordAnswer(at, question('grad-shape'), 'x');
    const answers = path.join(at.dir, 'answers');
    expect(existsSync(answers)).toBe(false);
    mkdirSync(answers);
    writeFileSync(shapeFile(at.dir), `${shape}\n`);
    const sync = await syncAnswerFiles(at);
    expect(sync.notices).toEqual([
      'Recorded your answer to grad-shape from answers/grad-shape.md.',
    ]);
    expect(latestAnswer(sync.progress, 'grad-shape')?.text).toBe(shape);
  });
});
