// Answering a question in the built tutor in a real pseudo-terminal (a tmux pane), then finding
// the answer in `logreg-tutor answers` and in the report `logreg-tutor export` writes.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/lessons/load.js';
import { runCli } from '../helpers/cli.js';

const repo = path.resolve(import.meta.dirname, '../..');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
// A server of our own, so the test neither sees nor disturbs the developer's tmux sessions.
const socket = `logreg-e2e-questions-${process.pid}`;
const timeoutMs = 20_000;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
}

function quote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

function launch(session: string, configDir: string, workspace: string): void {
  const command = [
    `cd ${quote(repo)}`,
    // Ink draws nothing until exit when CI is set; CI sets it.
    `CI=false LOGREG_TUTOR_CONFIG_DIR=${quote(configDir)} node bin/logreg-tutor.js --workspace ${quote(workspace)}; echo "EXITED $?"; sleep 600`,
  ].join(' && ');
  tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '32', command);
}

const screen = (session: string) => tmux('capture-pane', '-p', '-t', session);

async function waitForText(session: string, text: string | RegExp): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = screen(session);
    if (typeof text === 'string' ? current.includes(text) : text.test(current)) return current;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${String(text)}; the screen was:\n${current}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Keys sent before Ink puts the terminal in raw mode are lost: wait for it. */
async function waitForRawMode(session: string): Promise<void> {
  const tty = tmux('display', '-p', '-t', session, '#{pane_tty}').trim();
  const deadline = Date.now() + timeoutMs;
  while (
    !/(^|\s)-icanon(\s|$)/.test(execFileSync('stty', ['-F', tty, '-a'], { encoding: 'utf8' }))
  ) {
    if (Date.now() > deadline) throw new Error(`The tutor never put ${tty} in raw mode`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sends one key and waits for its effect before the next one can be sent. */
async function press(session: string, key: string, expected: string | RegExp): Promise<string> {
  tmux('send-keys', '-t', session, key);
  return waitForText(session, expected);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

describe.runIf(hasTmux)('answering a question in a real terminal (tmux)', () => {
  const course = loadCourse();
  const first = course.tasks[0];
  const temp = mkdtempSync(path.join(tmpdir(), 'logreg-e2e-q-'));
  const configDir = path.join(temp, 'config');
  const workspace = path.join(temp, 'lab');

  beforeAll(() => {
    const bundle = path.join(repo, 'dist/cli.js');
    // `npm test` builds first; a run of this file alone must not test a stale bundle.
    if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestMtime(path.join(repo, 'src')))
      execFileSync('node', ['esbuild.config.js'], { cwd: repo });
  });

  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    rmSync(temp, { recursive: true, force: true });
  });

  it('a pasted answer is saved, self-checked, and found by `answers` and `export`', async () => {
    const question = first?.questions[0];
    if (!first || !question) throw new Error('The first task needs a question');
    launch('q', configDir, workspace);
    await waitForText('q', 'Welcome to logreg-tutor');
    await waitForRawMode('q');
    await press('q', 'Enter', 'v review');
    await press('q', 'j', new RegExp(`› ○ ${first.title}`));
    await press('q', 'Enter', `watching ${first.file}`);
    await press('q', 'a', `Questions · ${first.title}`);
    await press('q', 'Enter', 'Your answer (Enter submits)');

    // -l sends the text as it is, in one write: a paste, as far as the tutor can tell.
    const answer =
      'For large |z| the curve is flat, so σ′(z) → 0 and the gradient vanishes: learning stalls.';
    tmux('send-keys', '-t', 'q', '-l', answer);
    await waitForText('q', 'learning stalls.');
    const feedback = await press('q', 'Enter', 'Self-check, not a grade');
    expect(feedback).toMatch(/Key ideas your answer covers: \d of \d/);
    expect(feedback).toContain('Model answer');
    await press('q', 'b', `Questions · ${first.title}`);
    expect(screen('q')).toMatch(/✓ Why does σ\(z\) saturate/);
    await press('q', 'q', 'EXITED 0');

    const env = { LOGREG_TUTOR_CONFIG_DIR: configDir };
    const listed = await runCli(['answers', '--workspace', workspace], { env });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`✓ ${first.id} · ${question.id}: answered, key ideas`);
    expect(listed.stdout).toContain(answer);
    const json = await runCli(['answers', '--json', '--workspace', workspace], { env });
    const parsed = JSON.parse(json.stdout) as {
      questions: { id: string; answer: string | null }[];
    };
    expect(parsed.questions.find((entry) => entry.id === question.id)?.answer).toBe(answer);

    const out = path.join(temp, 'report.md');
    const exported = await runCli(['export', '--out', out, '--workspace', workspace], { env });
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`Wrote the report to ${out}`);
    const report = readFileSync(out, 'utf8');
    expect(report).toContain(`## 1. ${first.title}`);
    expect(report).toContain(`> ${answer}`);
    expect(report).toMatch(/Key ideas covered: \d of \d/);
    expect(report).toContain('- [ ] All TODOs completed');

    const help = await runCli(['--help'], { env });
    expect(help.stdout).toContain('$ logreg-tutor answers');
    expect(help.stdout).toContain('$ logreg-tutor export --out report.md');
  });
});
