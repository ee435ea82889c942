// `logreg-tutor answer QUESTION-ID [FILE|-] [--json]` with the built tutor: from a file, from
// standard input, from the workspace's answers/ID.md, as JSON, refused, and as a usage error; then
// found by `answers` and `export`.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSession } from '../helpers/cli.js';
import { makeWorkspace, tempDir } from '../helpers/workspace.js';

const { run } = cliSession();

const shape = 'The gradient has shape (d,), the same shape as w: one entry per weight.';

/** `answer --json`, parsed. */
interface AnswerJson {
  question: string;
  task: string;
  accepted: boolean;
  reason: string;
  ideas: { id: string; label: string; matched: boolean }[];
}

describe('answer', () => {
  it('records an answer from a file, prints the ideas matched and the model answer, exit 0', async () => {
    const workspace = makeWorkspace({});
    const file = path.join(tempDir('logreg-answer-'), 'shape.md');
    writeFileSync(file, `${shape}\n`);
    const { code, stdout, stderr } = await run([
      'answer',
      'grad-shape',
      file,
      '--workspace',
      workspace,
    ]);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain(
      'Recorded your answer to grad-shape (loss-and-grad), saved as answers/grad-shape.md',
    );
    expect(stdout).toContain('Key ideas, matched automatically (a self-check, not a grade):');
    expect(stdout).toContain('✓ grad has the shape of w');
    expect(stdout).toContain('Model answer:\n  (d,): the same shape as w');
    const kept = readFileSync(path.join(workspace, 'answers', 'grad-shape.md'), 'utf8');
    expect(kept).toContain(shape);

    // `answers` and the report find it, with the labelled ideas and no bare score.
    const listed = await run(['answers', '--workspace', workspace]);
    expect(listed.stdout).toContain(
      '✓ loss-and-grad · grad-shape: answered; key ideas matched automatically: 1 of 2; marked by you: none yet',
    );
    const json = JSON.parse(
      (await run(['answers', '--json', '--workspace', workspace])).stdout,
    ) as {
      questions: {
        id: string;
        task: string;
        prompt: string;
        answer: string | null;
        keyIdeas: { covered: number; total: number; ideas: unknown[] } | null;
        selfMarks: Record<string, unknown>;
      }[];
    };
    const entry = json.questions.find((question) => question.id === 'grad-shape');
    expect(entry).toMatchObject({
      task: 'loss-and-grad',
      prompt: 'Checkpoint: what is the shape of grad?',
      answer: shape,
      keyIdeas: { covered: 1, total: 2 },
      selfMarks: {},
    });
  });

  it('reads standard input with -, and prints one JSON document with --json', async () => {
    const workspace = makeWorkspace({});
    const { code, stdout } = await run(
      ['answer', 'grad-shape', '-', '--json', '--workspace', workspace],
      { input: shape },
    );
    expect(code).toBe(0);
    const document = JSON.parse(stdout) as AnswerJson;
    expect(Object.keys(document)).toEqual(['question', 'task', 'accepted', 'reason', 'ideas']);
    expect(document).toMatchObject({
      question: 'grad-shape',
      task: 'loss-and-grad',
      accepted: true,
    });
    expect(document.ideas.map((idea) => [idea.id, idea.matched])).toEqual([
      ['same-as-w', true],
      ['back-to-d', false],
    ]);
  });

  it('prints model answers as rendered text, not Markdown, in `answer` and `answers`', async () => {
    const workspace = makeWorkspace({});
    const stable =
      'Clip p to [eps, 1 - eps] before the logs, or better write the loss with the logit z as softplus(z) - y*z, and evaluate softplus stably as max(z, 0) + log(1 + exp(-|z|)).';
    const answered = await run(['answer', 'stable-log-loss', '-', '--workspace', workspace], {
      input: stable,
    });
    expect(answered.code, answered.stderr).toBe(0);
    const listed = await run(['answers', '--workspace', workspace]);
    expect(listed.code).toBe(0);
    for (const stdout of [answered.stdout, listed.stdout]) {
      // The lesson writes **Quick fix:** and a list; the terminal gets the words and bullets.
      expect(stdout).toMatch(/• Quick fix: clip p to \[ε, 1 − ε\]/);
      expect(stdout).toContain('This is what');
      expect(stdout).not.toMatch(/\*\*|`BCEWithLogitsLoss`/);
    }
    expect(listed.stdout).toContain('  Model answer:\n    The naive form');
    // Only the answered question shows its model answer.
    expect(listed.stdout.match(/Model answer:/g)).toHaveLength(1);
  });

  it('refuses `x` as the TUI does: says why, saves nothing, exit 1', async () => {
    const workspace = makeWorkspace({});
    const text = await run(['answer', 'grad-shape', '-', '--workspace', workspace], {
      input: 'x\n',
    });
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^Not recorded: .+\nNothing was saved for grad-shape\./);
    const json = await run(['answer', 'grad-shape', '-', '--json', '--workspace', workspace], {
      input: 'x',
    });
    expect(json.code).toBe(1);
    const document = JSON.parse(json.stdout) as AnswerJson;
    expect(document.accepted).toBe(false);
    expect(document.reason).not.toBe('');
    expect(existsSync(path.join(workspace, 'answers', 'grad-shape.md'))).toBe(false);
    const listed = await run(['answers', '--json', '--workspace', workspace]);
    expect(listed.stdout).not.toContain('"answer": "x"');
  });

  it('reads answers/ID.md without FILE, and keeps the earlier version of a file it rewrites', async () => {
    const workspace = makeWorkspace({});
    await run(['answer', 'grad-shape', '-', '--workspace', workspace], { input: shape });
    const revised = 'grad is a d-vector like w, since Xᵀ (d×n) maps the n residuals back to d.';
    writeFileSync(path.join(workspace, 'answers', 'grad-shape.md'), `${revised}\n`);
    const { code, stdout, stderr } = await run(['answer', 'grad-shape', '--workspace', workspace]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('answers/grad-shape.md differs from your recorded answer');
    expect(stdout).toContain('✓ p − y has n entries');
    // Both versions are kept in answers/.history.
    const history = path.join(workspace, 'answers', '.history');
    expect(readdirSync(history)).toHaveLength(2);
  });

  it('names an unknown question and lists the ids; a missing FILE is a usage error too, exit 2', async () => {
    const workspace = makeWorkspace({});
    const unknown = await run(['answer', 'grad-shap', '-', '--workspace', workspace]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^logreg-tutor: Unknown question `grad-shap`\. Questions: .*grad-shape/,
    );
    const missing = await run(['answer', 'grad-shape', 'nowhere.md', '--workspace', workspace]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read the answer from');
    const none = await run(['answer', 'grad-shape', '--workspace', workspace]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('There is no answers/grad-shape.md');
  });
});
