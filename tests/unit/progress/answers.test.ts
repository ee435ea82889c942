import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  answerFromFile,
  answerTemplate,
  prepareAnswerFile,
  readAnswerFile,
} from '../../../src/progress/answer-files.js';
import {
  isAnswered,
  judgeLatest,
  latestAnswer,
  withAnswer,
} from '../../../src/progress/answers.js';
import { openProgressStore } from '../../../src/progress/store.js';

const temp = mkdtempSync(path.join(tmpdir(), 'logreg-answers-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const question = {
  id: 'q',
  prompt: 'Why does the sigmoid saturate?',
  long: false,
  modelAnswer: 'm',
  keyIdeas: [],
};

describe('withAnswer', () => {
  it('appends versions, oldest first, and skips a resubmit of the same text', () => {
    const one = withAnswer({ tasks: {} }, 'q', 'first', 't1');
    const two = withAnswer(one, 'q', 'second', 't2');
    expect(two.answers?.q).toEqual([
      { text: 'first', at: 't1', gated: true },
      { text: 'second', at: 't2', gated: true },
    ]);
    expect(withAnswer(two, 'q', 'second', 't3')).toBe(two);
    expect(latestAnswer(two, 'q')).toEqual({ text: 'second', at: 't2', gated: true });
  });

  it('counts an answer from before the gate only when the gate accepts it now', () => {
    const all = [question];
    const fromBefore = (text: string) =>
      isAnswered({ tasks: {}, answers: { q: [{ text, at: 't' }] } }, question, all);
    expect(isAnswered({ tasks: {} }, question, all)).toBe(false);
    expect(fromBefore('  ')).toBe(false);
    expect(fromBefore('x')).toBe(false);
    expect(fromBefore(question.prompt)).toBe(false);
    expect(fromBefore('It goes flat for large |z|, so its slope is almost zero.')).toBe(true);
  });

  it('never takes back an answer the gate accepted when it was recorded', () => {
    // Recorded through the gate (`gated`), then judged by a stricter gate: it still counts.
    const recorded = withAnswer({ tasks: {} }, 'q', 'x', 't');
    expect(isAnswered(recorded, question, [question])).toBe(true);
    expect(judgeLatest([question], recorded, question)?.accepted).toBe(true);
  });
});

describe('the store', () => {
  it('saves answers with a timestamp, keeps earlier versions, and reads them after reopening', () => {
    const cwd = path.join(temp, 'config');
    const store = openProgressStore({ cwd });
    const dir = path.join(temp, 'lab');
    store.submitAnswer(dir, 'q', 'first');
    const after = store.submitAnswer(dir, 'q', 'second');
    expect(after.answers?.q?.map((version) => version.text)).toEqual(['first', 'second']);
    expect(store.markIdea(dir, 'q', 'flat', 'covered').selfMarks?.q?.flat?.mark).toBe('covered');
    expect(store.markIdea(dir, 'q', 'flat', undefined).selfMarks?.q).toEqual({});
    expect(after.answers?.q?.[0]?.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    const reopened = openProgressStore({ cwd });
    expect(reopened.answers(dir).q?.map((version) => version.text)).toEqual(['first', 'second']);
    expect(reopened.answers(path.join(temp, 'other'))).toEqual({});
    const file = JSON.parse(readFileSync(reopened.path, 'utf8'));
    expect(
      Object.values(file.workspaces as Record<string, { answers: unknown }>)[0]?.answers,
    ).toBeDefined();
  });
});

describe('answer files', () => {
  it('creates answers/ID.md with the prompt in a comment, never overwrites, reads back the answer', async () => {
    const dir = path.join(temp, 'ws');
    const file = await prepareAnswerFile(dir, 'q', 'Derive it --> now.', 'draft');
    expect(file).toBe('answers/q.md');
    expect(await readAnswerFile(dir, file)).toBe('draft');
    await prepareAnswerFile(dir, 'q', 'Other prompt', 'other draft');
    expect(readFileSync(path.join(dir, file), 'utf8')).toContain('Derive it -- > now.');
    expect(answerFromFile(`${answerTemplate('q', 'P', '')}\nline one\r\n\nline two\n\n`)).toBe(
      'line one\n\nline two',
    );
  });
});
