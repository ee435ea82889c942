// The questions as a student meets them: `a` on a task, typing or pasting an answer, the
// self-check after submitting, the review from the map, the editor, and a restart.
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMarkdown } from '../../src/ui/lesson-text.js';
import {
  type Fake,
  fakeCourseWithQuestions,
  fakeServices,
  taskResult,
} from '../helpers/fake-services.js';
import {
  frame,
  keys,
  press,
  type Rendered,
  renderApp,
  resize,
  unmountAll,
  waitForText,
  waitUntil,
} from '../helpers/ink.js';

afterEach(unmountAll);

const backspace = '\u007F';

function questionsFake(configDir?: string): Fake {
  return fakeServices({ course: fakeCourseWithQuestions(), ...(configDir ? { configDir } : {}) });
}

const start = (fake: Fake) => renderApp(fake);

/** The app typing an answer to sigmoid's question (map → task → `a` → Enter). */
async function answering(fake: Fake) {
  fake.progress.setLastLesson(fake.services.workspaceDir, 'sigmoid');
  const app = await start(fake);
  await press(app, keys.enter, 'edit /tmp/logreg-ui-workspace/01-sigmoid.ts');
  expect(frame(app)).toContain('a answer');
  await press(app, 'a', 'Questions · Stable sigmoid');
  expect(frame(app)).toContain('○ Why does σ(z) saturate');
  await press(app, keys.enter, 'Answer · Stable sigmoid');
  expect(frame(app)).toContain('Enter submit  Esc cancel');
  await waitForText(app, 'Your answer (Enter submits)');
  return app;
}

function answers(fake: Fake) {
  return fake.progress.answers(fake.services.workspaceDir);
}

describe('answering a question', () => {
  it('submits exactly what was pasted, then shows the self-check', async () => {
    const fake = questionsFake();
    const app = await answering(fake);
    const pasted = 'It saturates: σ flattens out at 0 or 1, so the gradient vanishes.';
    app.stdin.write(pasted);
    await waitForText(app, 'so the gradient vanishes.');
    const screen = await press(app, keys.enter, 'Self-check, not a grade');
    expect(screen).toContain('1 ✓ σ flattens out at 0 or 1');
    expect(screen).toContain('2 ✓ the gradient vanishes, so learning stalls');
    expect(screen).toContain('matched automatically · not marked by you');
    expect(screen).not.toMatch(/\d of \d/);
    expect(screen).toContain('Model answer');
    expect(screen).toContain('σ flattens out at 0 and 1, so its slope σ′ → 0');
    expect(answers(fake)['sigmoid-why']).toEqual([
      { text: pasted, at: expect.any(String), gated: true },
    ]);
    // Kept in the workspace too (the fake's answer files; the real ones: answer-record.test.ts).
    await waitUntil(
      () => fake.controls.answerFiles.get('answers/sigmoid-why.md') === pasted,
      'the answer file is written',
    );
  });

  it('takes a paste followed by Enter in one chunk, as Ink delivers it', async () => {
    const fake = questionsFake();
    const app = await answering(fake);
    app.stdin.write('The curve goes flat, so the slope is tiny.\r');
    const screen = await waitForText(app, 'Self-check, not a grade');
    expect(screen).toContain('2 ✓ the gradient vanishes');
    expect(answers(fake)['sigmoid-why']?.[0]?.text).toBe(
      'The curve goes flat, so the slope is tiny.',
    );
  });

  it('deletes with Backspace after a paste, and inside a pasted chunk', async () => {
    const fake = questionsFake();
    const app = await answering(fake);
    app.stdin.write('It saturates and the gradient is zero!!');
    await waitForText(app, 'is zero!!');
    app.stdin.write(backspace);
    await waitForText(app, /is zero! /);
    app.stdin.write(backspace);
    await waitForFrameWithout(app, 'zero!');
    // A burst with a Backspace in it, and Enter, all in one chunk.
    app.stdin.write(' X\u007F(so learning stalls)\r');
    await waitForText(app, 'Self-check, not a grade');
    expect(answers(fake)['sigmoid-why']?.[0]?.text).toBe(
      'It saturates and the gradient is zero (so learning stalls)',
    );
  });

  it('keeps every key of a fast burst, whatever arrives before the next render', async () => {
    const fake = questionsFake();
    const app = await answering(fake);
    for (const char of 'Flat tails, so tiny slopes.') app.stdin.write(char);
    app.stdin.write('\r');
    await waitForText(app, 'Self-check, not a grade');
    expect(answers(fake)['sigmoid-why']?.[0]?.text).toBe('Flat tails, so tiny slopes.');
  });

  it('refuses an empty answer and one that copies the question, and Esc leaves', async () => {
    const fake = questionsFake();
    const app = await answering(fake);
    await press(app, keys.enter, 'Not recorded: The answer is empty.');
    app.stdin.write('Why does σ(z) saturate for large |z|, and what does that do to gradients?');
    await waitForText(app, 'what does that do to gradients?');
    await press(app, keys.enter, 'Not recorded: This repeats the question');
    expect(answers(fake)['sigmoid-why']).toBeUndefined();
    await press(app, keys.escape, 'Questions · Stable sigmoid');
    await press(app, 'b', 'edit /tmp/logreg-ui-workspace/01-sigmoid.ts');
  });

  it('does not count `x`: says why, keeps it as a draft, and nothing opens', async () => {
    const fake = questionsFake();
    const dir = fake.services.workspaceDir;
    fake.progress.recordResult(dir, taskResult(fake.services.course, 'sigmoid', 'pass'));
    const app = await answering(fake);
    app.stdin.write('x\r');
    const screen = await waitForText(app, 'Not recorded:');
    expect(screen).toContain('Answer · Stable sigmoid');
    expect(answers(fake)['sigmoid-why']).toBeUndefined();
    expect(fake.controls.answerFiles.has('answers/sigmoid-why.md')).toBe(false);
    // The draft comes back when the student returns to the question.
    await press(app, keys.escape, 'Questions · Stable sigmoid');
    expect(frame(app)).toContain('○ Why does σ(z) saturate');
    await press(app, keys.enter, 'Your answer (Enter submits)');
    expect(frame(app)).toMatch(/│ x/);
    app.stdin.write(`${backspace}It goes flat, so the gradient vanishes.\r`);
    await waitForText(app, 'Stable sigmoid is complete: Stable loss is open now.');
  });

  it('keeps earlier versions, and edits start from the last answer', async () => {
    const fake = questionsFake();
    const app = await answering(fake);
    app.stdin.write('It goes flat at both ends.\r');
    await waitForText(app, '2 ○ the gradient vanishes');
    await press(app, 'a', 'Your answer (Enter submits)');
    expect(frame(app)).toContain('It goes flat at both ends.');
    app.stdin.write(`${backspace} and the gradient vanishes.\r`);
    await waitForText(app, '2 ✓ the gradient vanishes');
    expect(answers(fake)['sigmoid-why']?.map((version) => version.text)).toEqual([
      'It goes flat at both ends.',
      'It goes flat at both ends and the gradient vanishes.',
    ]);
  });
});

/** The app on `taskId`'s questions (bce-loss's by default), sigmoid passed and its question answered. */
async function onQuestions(fake: Fake, taskId = 'bce-loss') {
  const dir = fake.services.workspaceDir;
  const task = fake.services.course.tasks.find((found) => found.id === taskId);
  if (!task) throw new Error(`the fake course has no ${taskId}`);
  fake.progress.recordResult(dir, taskResult(fake.services.course, 'sigmoid', 'pass'));
  fake.progress.submitAnswer(dir, 'sigmoid-why', 'It goes flat at both ends.');
  fake.progress.setLastLesson(dir, taskId);
  const app = await start(fake);
  await press(app, keys.enter, `edit /tmp/logreg-ui-workspace/${task.file}`);
  await press(app, 'a', `Questions · ${task.title}`);
  return app;
}

describe('the question screens at 80 columns', () => {
  it('wrap their guidance instead of cutting it off at the edge', async () => {
    const fake = questionsFake();
    const app = await answering(fake);
    resize(app, 80, 24);
    app.stdin.write('It saturates: σ flattens out at 0 or 1, so the gradient vanishes.');
    await waitForText(app, 'so the gradient vanishes.');
    const feedback = (await press(app, keys.enter, 'Self-check, not a grade')).replace(/\s+/g, ' ');
    expect(feedback).toContain(
      'The matching looks for the ideas, not your wording: a ○ is a prompt to compare, not a mark off.',
    );
    expect(feedback).toContain('to mark an idea yourself: covered, not covered, disagree.');
    const list = (await press(app, 'b', 'Questions · Stable sigmoid')).replace(/\s+/g, ' ');
    expect(list).toContain(
      'Answer in your own words. The tutor then shows a model answer and the key ideas, matched automatically and marked by you: a self-check, not a grade.',
    );
  });
});

describe('unlocking, review and restart', () => {
  it("n on a task's questions opens the next task's questions, or says what keeps it locked", async () => {
    const fake = questionsFake();
    const app = await onQuestions(fake, 'sigmoid');
    expect(frame(app)).toContain('n next');
    const screen = await press(app, 'n', 'Questions · Stable loss');
    expect(screen).toContain('Derive ∂ℓ/∂z');
    expect(fake.progress.workspace(fake.services.workspaceDir).lastLesson).toBe('bce-loss');
    await press(app, 'n', 'Loss and gradient is locked: complete bce-loss first.');
    expect(frame(app)).toContain('Questions · Stable loss');
  });

  it('opens the next task only when the checks pass and the question is answered', async () => {
    const fake = questionsFake();
    const dir = fake.services.workspaceDir;
    fake.progress.recordResult(dir, taskResult(fake.services.course, 'sigmoid', 'pass'));
    const app = await start(fake);
    await waitForText(app, 'Stable loss');
    expect(frame(app)).toMatch(
      /Stable loss\s+02-bce-loss\.ts\s+locked · answer sigmoid's questions first/,
    );
    // The task itself says what is missing, not a bare "passed".
    expect(frame(app)).toMatch(
      /✓ Stable sigmoid\s+01-sigmoid\.ts\s+checks pass · answer its question\n/,
    );
    app.unmount();

    fake.progress.setLastLesson(dir, 'sigmoid');
    const answering = await start(fake);
    await press(answering, keys.enter, 'edit /tmp/logreg-ui-workspace/01-sigmoid.ts');
    await press(answering, 'a', 'Questions · Stable sigmoid');
    await press(answering, keys.enter, 'Your answer (Enter submits)');
    answering.stdin.write('It goes flat at both ends.\r');
    await waitForText(answering, 'Stable sigmoid is complete: Stable loss is open now.');
    answering.unmount();

    const again = await start(fake);
    await waitForText(again, 'Stable loss');
    expect(frame(again)).toMatch(/Stable loss\s+02-bce-loss\.ts\s+open/);
    expect(frame(again)).toMatch(/✓ Stable sigmoid\s+01-sigmoid\.ts\s+passed\n/);
  });

  it('finds the answers after a restart, in the review, beside the model answer', async () => {
    const fake = questionsFake();
    const app = await answering(fake);
    app.stdin.write('It saturates, so the gradient vanishes.\r');
    await waitForText(app, 'Self-check, not a grade');
    app.unmount();

    const restarted = questionsFake(fake.configDir);
    const again = await start(restarted);
    await waitForText(again, 'v review');
    let screen = await press(again, 'v', 'Review your answers');
    expect(screen).toContain('1 of 2 questions answered');
    expect(screen).toMatch(
      /› ✓ sigmoid: Why does σ\(z\) saturate.*2 matched automatically · 0 marked by you/,
    );
    expect(screen).toMatch(/○ bce-loss: Derive ∂ℓ\/∂z.*unanswered/);
    screen = await press(again, keys.enter, 'Self-check, not a grade');
    expect(screen).toContain('It saturates, so the gradient vanishes.');
    expect(screen).toContain('Model answer');
    await press(again, 'b', 'Review your answers');
    await press(again, 'b', 'Enter open');
  });

  it('writes a long answer in the editor (answers/ID.md) and reads it back', async () => {
    const fake = questionsFake();
    fake.controls.onEditAnswer = (text) => `${text}\nℓ = −log p, so\n∂ℓ/∂z = p − y.\n`;
    const app = await onQuestions(fake);
    expect(frame(app)).toContain('A derivation: e writes it in your editor');
    const screen = await press(app, 'e', 'Self-check, not a grade');
    expect(fake.controls.edited).toEqual(['answers/bce-derivation.md']);
    expect(screen).toContain('1 ✓ the result is p − y');
    expect(answers(fake)['bce-derivation']?.[0]?.text).toBe('ℓ = −log p, so\n∂ℓ/∂z = p − y.');
  });

  it('types a long answer line by line: Enter on an empty line submits', async () => {
    const fake = questionsFake();
    const app = await onQuestions(fake);
    await press(app, keys.enter, 'Your answer (Enter: new line; twice: submit)');
    app.stdin.write('ℓ = −log p');
    await waitForText(app, 'ℓ = −log p');
    app.stdin.write('\r');
    app.stdin.write('so ∂ℓ/∂z = p − y');
    await waitForText(app, 'so ∂ℓ/∂z = p − y');
    app.stdin.write('\r');
    // The cursor waits on a new, empty line.
    await waitForText(app, /p − y\s*│\n│\s*│/);
    app.stdin.write('\r');
    await waitForText(app, 'Self-check, not a grade');
    expect(answers(fake)['bce-derivation']?.[0]?.text).toBe('ℓ = −log p\nso ∂ℓ/∂z = p − y');
  });
});

async function waitForFrameWithout(app: Rendered, text: string) {
  const deadline = Date.now() + 3000;
  while (frame(app).includes(text)) {
    if (Date.now() > deadline) throw new Error(`Still showing ${text}:\n${frame(app)}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the checklist', () => {
  it('checks every task again, live, then shows each item with ✓ or ✗', async () => {
    const fake = questionsFake();
    const { course, workspaceDir } = fake.services;
    // An old pass is not trusted: the checklist runs the checks again.
    fake.progress.recordResult(workspaceDir, taskResult(course, 'bce-loss', 'pass'));
    fake.progress.submitAnswer(workspaceDir, 'sigmoid-why', 'It goes flat at both ends.');
    const app = await start(fake);
    await waitForText(app, 'c checklist');
    let screen = await press(app, 'c', 'Submission checklist');
    expect(screen).toContain('Checking every task again now (0 of 4 done)');
    expect(screen).toContain('… All TODOs completed');
    for (const task of course.tasks) {
      await waitUntil(() => fake.controls.pending[0]?.taskId === task.id, `${task.id} is checked`);
      fake.controls.pending[0]?.resolve(
        taskResult(course, task.id, task.id === 'bce-loss' ? 'fail' : 'pass', {
          failing: task.id === 'bce-loss' ? { values: { message: 'expected 1, got 2' } } : {},
        }),
      );
    }
    screen = await waitForText(app, 'Checked just now');
    expect(screen).toContain('✗ All TODOs completed');
    expect(screen).toContain('2 of 3 tasks pass; not yet: bce-loss');
    expect(screen).toContain('✓ Gradient check passes');
    expect(screen).toContain('✗ Short answers to the checkpoint questions');
    expect(screen).toContain('1 of 2 answered; not yet: bce-loss');
    expect(screen).not.toContain('expected 1, got 2');
    expect(fake.controls.checked).toEqual(course.tasks.map((task) => task.id));
    await press(app, 'b', 'v review');
  });
});

describe('a bracketed paste', () => {
  it('keeps the line breaks of a paste split into chunks; Enter after it submits', async () => {
    const fake = questionsFake();
    const app = await answering(fake);
    app.stdin.write('\u001B[200~It goes flat.\r');
    app.stdin.write('So the gradient vanishes.\u001B[201~');
    await waitForText(app, 'So the gradient vanishes.');
    expect(frame(app)).not.toContain('Self-check');
    await press(app, keys.enter, 'Self-check, not a grade');
    expect(answers(fake)['sigmoid-why']?.[0]?.text).toBe(
      'It goes flat.\nSo the gradient vanishes.',
    );
  });
});

describe('help on the question screens', () => {
  it('? lists the keys of the questions screen', async () => {
    const fake = questionsFake();
    fake.progress.setLastLesson(fake.services.workspaceDir, 'sigmoid');
    const app = await start(fake);
    await press(app, keys.enter, 'edit /tmp/logreg-ui-workspace/01-sigmoid.ts');
    await press(app, 'a', 'Questions · Stable sigmoid');
    const screen = await press(app, '?', 'type an answer to the selected question');
    expect(screen).toContain('write the answer in $VISUAL / $EDITOR');
    await press(app, keys.escape, 'Questions · Stable sigmoid');
  });
});

describe('the feedback on a wide terminal', () => {
  it('puts the model answer beside the answer', async () => {
    const fake = questionsFake();
    fake.progress.submitAnswer(
      fake.services.workspaceDir,
      'sigmoid-why',
      'It goes flat at both ends.',
    );
    const app = await start(fake);
    resize(app, 140, 30);
    await press(app, 'v', 'Review your answers');
    const screen = await press(app, keys.enter, 'Self-check, not a grade');
    expect(screen).toMatch(/Your answer \(.*\)\s+│ Model answer/);
    expect(screen).toMatch(/ {2}It goes flat at both ends\.\s+│ σ flattens out/);
  });
});

describe('the review loop', () => {
  it('marks each idea yourself, beside what was matched automatically, and keeps the marks', async () => {
    const fake = questionsFake();
    const app = await answering(fake);
    app.stdin.write('It goes flat at both ends.\r');
    let screen = await waitForText(app, '2 ○ the gradient vanishes');
    expect(screen).toContain('1–2 mark ideas');
    screen = await press(app, '2', 'marked by you: covered');
    expect(screen).toMatch(/not matched automatically · marked by you: covered/);
    await press(app, '2', 'marked by you: not covered');
    await press(app, '2', 'marked by you: disagree with the idea');
    await press(app, '1', /matched automatically · marked by you: covered/);
    await waitUntil(
      () =>
        fake.progress.workspace(fake.services.workspaceDir).selfMarks?.['sigmoid-why']?.vanish
          ?.mark === 'disagree',
      'the marks are saved',
    );
    // The list says both, labelled, and never as a bare score.
    screen = await press(app, 'b', 'Questions · Stable sigmoid');
    expect(screen).toContain('1 matched automatically · 2 marked by you');
    // A revision keeps the marks, and says they were made on an earlier version.
    await press(app, 'f', 'Self-check, not a grade');
    await press(app, 'a', 'Your answer (Enter submits)');
    app.stdin.write(' So the gradient vanishes.\r');
    screen = await waitForText(app, '2 ✓ the gradient vanishes');
    expect(screen).toContain('marked by you: disagree with the idea (on an earlier version)');
  });

  it('renders the model answer as Markdown, not raw asterisks', async () => {
    await loadMarkdown();
    const course = fakeCourseWithQuestions();
    const [sigmoid] = course.tasks;
    const question = sigmoid?.questions[0];
    if (!sigmoid || !question) throw new Error('The fake course has a question on sigmoid');
    const marked = {
      ...course,
      tasks: course.tasks.map((task) =>
        task === sigmoid
          ? {
              ...task,
              questions: [{ ...question, modelAnswer: 'σ is **flat** at both ends, so `σ′ → 0`.' }],
            }
          : task,
      ),
    };
    const fake = fakeServices({ course: marked });
    fake.progress.submitAnswer(
      fake.services.workspaceDir,
      'sigmoid-why',
      'It goes flat at both ends.',
    );
    const app = await start(fake);
    await press(app, 'v', 'Review your answers');
    const screen = await press(app, keys.enter, 'Model answer');
    expect(screen).toContain('σ is flat at both ends, so σ′ → 0.');
    expect(screen).not.toContain('**');
  });

  it('says what opening the workspace found in the answer files', async () => {
    const fake = questionsFake();
    fake.controls.syncNotices.push('answers/sigmoid-why.md differs from your recorded answer.');
    const app = await start(fake);
    await waitForText(app, 'answers/sigmoid-why.md differs from your recorded answer.');
  });

  it('keeps the model answer in its column when the answer holds emoji', async () => {
    const fake = questionsFake();
    // Two columns each (✅, ⌚, a family joined by ZWJ), none for the soft hyphen.
    const answer = 'It goes flat ✅ at both ends ⌚ for the whole 👨‍👩‍👧 fam\u00ADily.';
    fake.progress.submitAnswer(fake.services.workspaceDir, 'sigmoid-why', answer);
    const app = await start(fake);
    resize(app, 140, 30);
    await press(app, 'v', 'Review your answers');
    const screen = await press(app, keys.enter, 'Self-check, not a grade');
    expect(screen).toContain('It goes flat ✅');
    const divided = screen.split('\n').filter((line) => line.includes(' │ '));
    expect(divided.some((line) => line.includes('👨‍👩‍👧'))).toBe(true);
    const columns = divided.map((line) => stringWidth(line.slice(0, line.indexOf(' │ '))));
    expect(new Set(columns).size).toBe(1);
  });
});

describe('a one-line checkpoint', () => {
  /** The fake course with sigmoid's question asked as a one-line checkpoint. */
  function oneLineFake(): Fake {
    const course = fakeCourseWithQuestions();
    return fakeServices({
      course: {
        ...course,
        tasks: course.tasks.map((task) => ({
          ...task,
          questions: task.questions.map((question) =>
            question.id === 'sigmoid-why' ? { ...question, oneLine: true } : question,
          ),
        })),
      },
    });
  }

  /** The app typing sigmoid's question on one line. */
  async function answeringOneLine(fake: Fake) {
    fake.progress.setLastLesson(fake.services.workspaceDir, 'sigmoid');
    const app = await start(fake);
    await press(app, keys.enter, 'edit /tmp/logreg-ui-workspace/01-sigmoid.ts');
    await press(app, 'a', 'Questions · Stable sigmoid');
    await press(app, keys.enter, 'Your answer, on one line (Enter submits)');
    return app;
  }

  it('is typed on one line (ink-text-input); a pasted line break is a space; Enter submits', async () => {
    const fake = oneLineFake();
    const app = await answeringOneLine(fake);
    app.stdin.write('\u001B[200~It goes flat,\nso the gradient vanishes.\u001B[201~');
    // The text, and the label that says a fresh input listens again after the paste.
    await waitForText(
      app,
      /on one line \(Enter submits\)[\s\S]*It goes flat, so the gradient vanishes\./,
    );
    await press(app, keys.enter, 'Self-check, not a grade');
    expect(answers(fake)['sigmoid-why']?.[0]?.text).toBe('It goes flat, so the gradient vanishes.');
  });

  it('refuses `x` there too, and keeps it to fix', async () => {
    const fake = oneLineFake();
    const app = await answeringOneLine(fake);
    app.stdin.write('x');
    await waitForText(app, /│ x/);
    await press(app, keys.enter, 'Not recorded:');
    expect(frame(app)).toMatch(/│ x/);
    expect(answers(fake)['sigmoid-why']).toBeUndefined();
  });
});
