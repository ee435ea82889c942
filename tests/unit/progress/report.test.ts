import { describe, expect, it } from 'vitest';
import { checklistItems } from '../../../src/progress/checklist.js';
import { answersJson, answersText, buildReport } from '../../../src/progress/report.js';
import type { WorkspaceProgress } from '../../../src/progress/types.js';
import { fakeCourseWithQuestions, taskResult } from '../../helpers/fake-services.js';

const course = fakeCourseWithQuestions();
const progress: WorkspaceProgress = {
  tasks: {
    sigmoid: {
      attempts: 2,
      hintsShown: 0,
      lastStatus: 'pass',
      firstPassedAt: '2026-11-28T12:00:00.000Z',
    },
  },
  answers: {
    'sigmoid-why': [
      { text: 'It goes flat.', at: '2026-11-28T12:01:00.000Z' },
      { text: 'It goes flat, so the gradient vanishes.', at: '2026-11-28T12:05:00.000Z' },
    ],
  },
  selfMarks: {
    'sigmoid-why': { vanish: { mark: 'not-covered', at: '2026-11-28T12:06:00.000Z' } },
  },
};
const secret = 'expected 0.7310585786300049, got NaN';
const results = {
  sigmoid: taskResult(course, 'sigmoid', 'pass'),
  'bce-loss': taskResult(course, 'bce-loss', 'fail', { failing: { values: { message: secret } } }),
  'loss-and-grad': taskResult(course, 'loss-and-grad', 'fail', { notImplemented: true }),
  'newton-step': taskResult(course, 'newton-step', 'fail', { notImplemented: true }),
};

describe('the count of answered questions', () => {
  it('is the same in the checklist and the review: the required questions, the bonus apart', () => {
    const asked = course.tasks[0]?.questions[0];
    if (!asked) throw new Error('the fake course asks a question on its first task');
    const bonusQuestion = { ...asked, id: 'newton-why' };
    const withBonus = {
      ...course,
      tasks: course.tasks.map((task) =>
        task.bonus ? { ...task, questions: [bonusQuestion] } : task,
      ),
    };
    const item = checklistItems(withBonus, progress, results, false).find(
      (found) => found.id === 'questions',
    );
    expect(item?.detail).toBe('1 of 2 answered; not yet: bce-loss');
    expect(answersText(withBonus, progress)).toMatch(/^1 of 2 questions answered · bonus 0 of 1\./);
  });
});

describe('buildReport', () => {
  const input = {
    course,
    progress,
    results,
    workspaceDir: '/home/ada/lab',
    version: '9.9.9',
    now: '2026-11-28T13:00:00.000Z',
  };
  const report = buildReport(input);

  it('has the tool version, the date, the checklist, each task with its checks', () => {
    expect(report).toContain('- Generated: 2026-11-28 13:00 UTC');
    expect(report).toContain('- Tool: logreg-tutor 9.9.9');
    expect(report).toContain(
      // Each task not passing yet with its verdict's summary, as `check` prints it.
      '- [ ] All TODOs completed (1 of 3 tasks pass; not yet: bce-loss (1/2 checks pass), loss-and-grad (not started))',
    );
    expect(report).toContain(
      '- [ ] Short answers to the checkpoint questions (1 of 2 answered; not yet: bce-loss)',
    );
    expect(report).toContain('## 1. Stable sigmoid');
    expect(report).toContain('`01-sigmoid.ts`: passes. First passed: 2026-11-28 12:00 UTC.');
    expect(report).toContain('## 2. Stable loss\n\n`02-bce-loss.ts`: fails.');
    expect(report).toContain('- ✗ values');
    expect(report).toContain('`03-loss-and-grad.ts`: not started.');
    expect(report).toContain('## 4. Newton step (bonus)');
  });

  it('has each answer (the latest), its date and version, and the key ideas as a self-check', () => {
    expect(report).toContain(
      'Answered 2026-11-28 12:05 UTC (version 2):\n\n> It goes flat, so the gradient vanishes.',
    );
    expect(report).toContain(
      'Key ideas matched automatically: 2 of 2; marked by you: 1 not covered:\n\n- ✓ σ flattens out at 0 or 1 (matched automatically; not marked by you)\n- ✓ the gradient vanishes, so learning stalls (matched automatically; marked by you: not covered)',
    );
    expect(report).toContain('"matched automatically"');
    expect(report).toContain('"marked by you"');
    expect(report).toContain(
      '### Derive ∂ℓ/∂z for the log-loss of one example.\n\n_Not answered yet._',
    );
    expect(report).toContain('not a grade');
  });

  it('names the workspace by its folder name, never its absolute path', () => {
    expect(report).toContain('- Workspace: `lab`');
    expect(report).not.toContain('/home/ada');
  });

  it('has no code unless asked; then each task file under its name, in a fence it cannot end', () => {
    expect(report).not.toContain('## Your code');
    const withCode = buildReport({
      ...input,
      code: [
        { file: '01-sigmoid.ts', text: 'export const sigmoid = (z: number[]) => z;\n' },
        { file: '02-bce-loss.ts', text: 'const doc = `a ``` in a template`;\n' },
        { file: '03-loss-and-grad.ts', unread: '03-loss-and-grad.ts is not in the workspace.' },
      ],
    });
    expect(withCode.startsWith(report.trimEnd())).toBe(true);
    expect(withCode).toContain(
      '\n## Your code\n\n### `01-sigmoid.ts`\n\n```ts\nexport const sigmoid = (z: number[]) => z;\n```\n',
    );
    expect(withCode).toContain(
      '### `02-bce-loss.ts`\n\n````ts\nconst doc = `a ``` in a template`;\n````\n',
    );
    expect(withCode).toContain(
      '### `03-loss-and-grad.ts`\n\n_Not included: 03-loss-and-grad.ts is not in the workspace._\n',
    );
  });

  it('reveals no check message (they hold the hidden expected values) and no model answer', () => {
    expect(report).not.toContain(secret);
    expect(report).not.toContain('0.7310585786300049');
    expect(report).not.toContain('∂ℓ/∂z = p − y.');
  });
});

describe('answers', () => {
  it('prints every question with its state, the latest answer and the key ideas', () => {
    const text = answersText(course, progress);
    expect(text).toContain('1 of 2 questions answered.');
    expect(text).toContain(
      '✓ sigmoid · sigmoid-why: answered; key ideas matched automatically: 2 of 2; marked by you: 1 not covered',
    );
    expect(text).toContain(
      '  ✓ the gradient vanishes, so learning stalls (matched automatically; marked by you: not covered)',
    );
    expect(text).toContain(
      '  Your answer (2026-11-28 12:05 UTC, version 2):\n    It goes flat, so the gradient vanishes.',
    );
    expect(text).toContain('○ bce-loss · bce-derivation: unanswered');
  });

  it("shows each answered question's model answer through the renderer given, and no other", () => {
    const rendered: string[] = [];
    const text = answersText(course, progress, {
      modelAnswerRows: (markdown) => {
        rendered.push(markdown);
        return ['σ flattens out', '', 'so gradients vanish'];
      },
    });
    expect(rendered).toEqual([
      'σ flattens out at 0 and 1, so its slope σ′ → 0 and gradients vanish.',
    ]);
    expect(text).toContain(
      'not covered)\n  Model answer:\n    σ flattens out\n\n    so gradients vanish\n\n○ bce-loss',
    );
    // The unanswered question's model answer stays hidden until it is answered.
    expect(text).not.toContain('∂ℓ/∂z = p − y.');
    expect(text).toContain('A model answer is shown once you have answered its question.');
    expect(answersText(course, progress)).not.toContain('Model answer');
  });

  it('as JSON, with every version', () => {
    const json = answersJson(course, progress, '/lab');
    expect(json.questions.map((entry) => [entry.id, entry.state])).toEqual([
      ['sigmoid-why', 'answered'],
      ['bce-derivation', 'unanswered'],
    ]);
    expect(json.questions[0]?.versions).toHaveLength(2);
    expect(json.questions[0]?.keyIdeas?.covered).toBe(2);
    expect(json.questions[0]?.keyIdeas?.total).toBe(2);
    expect(json.questions[0]?.task).toBe('sigmoid');
    expect(json.questions[0]?.prompt).toContain('Why does σ(z) saturate');
    expect(json.questions[0]?.accepted).toBe(true);
    expect(json.questions[0]?.keyIdeas?.ideas[1]).toEqual({
      id: 'vanish',
      idea: 'the gradient vanishes, so learning stalls',
      covered: true,
      selfMark: 'not-covered',
    });
    expect(json.questions[0]?.selfMarks).toEqual({
      vanish: { mark: 'not-covered', at: '2026-11-28T12:06:00.000Z' },
    });
    expect(json.questions[1]?.keyIdeas).toBeNull();
  });

  it('says why an answer recorded before the gate does not count, as the verdict it had', () => {
    const before: WorkspaceProgress = {
      tasks: {},
      answers: { 'sigmoid-why': [{ text: 'x', at: '2026-11-28T12:01:00.000Z' }] },
    };
    const [entry] = answersJson(course, before, '/lab').questions;
    expect(entry?.accepted).toBe(false);
    expect(entry?.reason).not.toBe('');
    expect(entry?.keyIdeas).toMatchObject({ covered: 0, total: 2, verdict: 'too-short' });
    expect(answersText(course, before)).toMatch(/! sigmoid · sigmoid-why: not accepted: ./);
    // An accepted answer has no verdict, as before.
    expect(answersJson(course, progress, '/lab').questions[0]?.keyIdeas).not.toHaveProperty(
      'verdict',
    );
  });

  it('never prints a bare count of ideas that reads like a grade', () => {
    const text = answersText(course, progress);
    expect(text).not.toMatch(/key ideas \d+\/\d+/);
    expect(text).not.toMatch(/covered: \d+ of \d+/);
  });
});

describe('checklistItems', () => {
  it('is pending while a run is under way, then pass or fail with what is missing', () => {
    expect(checklistItems(course, progress, {}, true)[0]?.status).toBe('pending');
    const all = Object.fromEntries(
      course.tasks.map((task) => [task.id, taskResult(course, task.id, 'pass')]),
    );
    const done = checklistItems(
      course,
      {
        ...progress,
        answers: {
          ...progress.answers,
          'bce-derivation': [{ text: 'By the chain rule, ∂ℓ/∂z = p − y.', at: 'x', gated: true }],
        },
      },
      all,
      false,
    );
    expect(done.map((item) => [item.id, item.status])).toEqual([
      ['todos', 'pass'],
      ['gradient', 'pass'],
      ['questions', 'pass'],
    ]);
  });
});
