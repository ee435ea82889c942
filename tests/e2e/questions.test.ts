// Answering a question in the built tutor in a real pseudo-terminal (a tmux pane), then finding
// the answer in `logreg-tutor answers` and in the report `logreg-tutor export` writes.
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/lessons/load.js';
import { runCli } from '../helpers/cli.js';
import { hasTmux, tmuxServer, tutorFolder } from '../helpers/tmux.js';

const server = tmuxServer('logreg-e2e-questions');
const { tmux, screen, waitForText, waitForRawMode, press } = server;

describe.runIf(hasTmux)('answering a question in a real terminal (tmux)', () => {
  const course = loadCourse();
  const first = course.tasks[0];
  const { temp, configDir } = tutorFolder(server, 'logreg-e2e-q-');
  const workspace = path.join(temp, 'lab');

  it('a pasted answer is saved, self-checked, and found by `answers` and `export`', async () => {
    const question = first?.questions[0];
    if (!first || !question) throw new Error('The first task needs a question');
    server.launch('q', {
      env: { LOGREG_TUTOR_CONFIG_DIR: configDir },
      args: ['--workspace', workspace],
      columns: 100,
      rows: 32,
    });
    await waitForText('q', 'Welcome to logreg-tutor');
    await waitForRawMode('q');
    await press('q', 'Enter', 'v review');
    await press('q', 'j', new RegExp(`› ○ ${first.title}`));
    await press('q', 'Enter', `watching ${first.file}`);
    await press('q', 'a', `Questions · ${first.title}`);
    await press('q', 'Enter', 'Your answer (Enter submits)');

    // Typed `x` does not count: the tutor says why and keeps it.
    tmux('send-keys', '-t', 'q', '-l', 'x');
    await waitForText('q', /│ x/);
    await press('q', 'Enter', 'Not recorded:');
    tmux('send-keys', '-t', 'q', 'BSpace');

    // -l sends the text as it is, in one write: a paste, as far as the tutor can tell.
    const answer =
      'For large |z| the curve is flat, so σ′(z) → 0 and the gradient vanishes: learning stalls.';
    tmux('send-keys', '-t', 'q', '-l', answer);
    await waitForText('q', 'learning stalls.');
    const feedback = await press('q', 'Enter', 'Self-check, not a grade');
    expect(feedback).toContain('matched automatically · not marked by you');
    expect(feedback).toContain('Model answer');
    // The student marks the first idea themselves.
    await press('q', '1', 'marked by you: covered');
    await press('q', 'b', `Questions · ${first.title}`);
    expect(screen('q')).toMatch(/✓ Why does σ\(z\) saturate/);
    await press('q', 'q', 'EXITED 0');

    const env = { LOGREG_TUTOR_CONFIG_DIR: configDir };
    const listed = await runCli(['answers', '--workspace', workspace], { env });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(
      `✓ ${first.id} · ${question.id}: answered; key ideas matched automatically:`,
    );
    expect(listed.stdout).toMatch(/marked by you: 1 covered/);
    expect(listed.stdout).toContain(answer);
    const json = await runCli(['answers', '--json', '--workspace', workspace], { env });
    const parsed = JSON.parse(json.stdout) as {
      questions: { id: string; answer: string | null }[];
    };
    expect(parsed.questions.find((entry) => entry.id === question.id)?.answer).toBe(answer);
    // Handing in the folder hands in the answer.
    expect(readFileSync(path.join(workspace, 'answers', `${question.id}.md`), 'utf8')).toContain(
      answer,
    );

    const out = path.join(temp, 'report.md');
    const exported = await runCli(['export', '--out', out, '--workspace', workspace], { env });
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`Wrote the report to ${out}`);
    const report = readFileSync(out, 'utf8');
    expect(report).toContain(`## 1. ${first.title}`);
    expect(report).toContain(`> ${answer}`);
    expect(report).toMatch(/Key ideas matched automatically: \d of \d; marked by you: 1 covered/);
    expect(report).toContain('- [ ] All TODOs completed');

    const help = await runCli(['--help'], { env });
    expect(help.stdout).toContain('$ logreg-tutor answers');
    expect(help.stdout).toContain('$ logreg-tutor export --out report.md');
  });

  it('grad-shape is answered on one line from the review, and the file is in the workspace', async () => {
    const lab = path.join(temp, 'lab-shape');
    // The student's "editor": adds a line to the answer file it is given, as a person would.
    const editor = path.join(temp, 'add-a-line.sh');
    writeFileSync(
      editor,
      "#!/bin/sh\nprintf '%s\\n' 'The residual p − y has n entries; Xᵀ brings it back to d.' >> \"$1\"\n",
    );
    chmodSync(editor, 0o755);
    server.launch('s', {
      env: { LOGREG_TUTOR_CONFIG_DIR: configDir, EDITOR: editor, VISUAL: '' },
      args: ['--workspace', lab],
      columns: 100,
      rows: 32,
    });
    await waitForText('s', 'Welcome to logreg-tutor');
    await waitForRawMode('s');
    await press('s', 'Enter', 'v review');
    await press('s', 'v', 'Review your answers');
    const listed = course.tasks.flatMap((task) =>
      task.questions.map((question) => `› ○ ${task.id}: ${question.prompt.slice(0, 20)}`),
    );
    const at = course.tasks
      .flatMap((task) => task.questions.map((question) => question.id))
      .indexOf('grad-shape');
    for (let index = 1; index <= at; index++) await press('s', 'j', listed[index] ?? '');
    await press('s', 'a', 'Your answer, on one line (Enter submits)');
    // Typed key by key, as a student does, then Enter.
    tmux('send-keys', '-t', 's', 'It is (d,): one entry per weight, like w.');
    await waitForText('s', 'one entry per weight, like w.');
    const review = await press('s', 'Enter', 'Self-check, not a grade');
    expect(review).toContain('1 ✓ grad has the shape of w');
    expect(review).toContain('2 ○ p − y has n entries');
    // Revised in the editor: the file comes back through the gate, with the second idea.
    await press('s', 'e', '2 ✓ p − y has n entries');
    await press('s', 'q', 'EXITED 0');
    const file = readFileSync(path.join(lab, 'answers', 'grad-shape.md'), 'utf8');
    expect(file).toContain('It is (d,): one entry per weight, like w.');
    expect(file).toContain('The residual p − y has n entries');
    expect(readdirSync(path.join(lab, 'answers', '.history'))).toHaveLength(2);
  });
});
