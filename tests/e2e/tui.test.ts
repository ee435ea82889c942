// The real `bin/logreg-tutor.js` in a real pseudo-terminal (a tmux pane), as a student uses it:
// first launch, the map, a task, a correct solution saved from outside, ✓, the next task
// unlocked, quit, and the progress still there at the next launch.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/lessons/load.js';

const repo = path.resolve(import.meta.dirname, '../..');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
// A server of our own, so the test neither sees nor disturbs the developer's tmux sessions.
const socket = `logreg-e2e-${process.pid}`;
const timeoutMs = 20_000;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
}

function quote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/** Starts the tutor in a new 120×40 session; the pane stays open after it exits, saying how. */
function launch(session: string, configDir: string, workspace: string): void {
  const command = [
    `cd ${quote(repo)}`,
    // Ink draws nothing until exit when CI is set; CI sets it.
    `CI=false LOGREG_TUTOR_CONFIG_DIR=${quote(configDir)} node bin/logreg-tutor.js --workspace ${quote(workspace)}; echo "EXITED $?"; sleep 600`,
  ].join(' && ');
  tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', command);
}

function screen(session: string): string {
  return tmux('capture-pane', '-p', '-t', session);
}

async function waitFor(
  session: string,
  condition: (text: string) => boolean,
  what: string,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = screen(session);
    if (condition(text)) return text;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}; the screen was:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const waitForText = (session: string, text: string | RegExp) =>
  waitFor(
    session,
    (current) => (typeof text === 'string' ? current.includes(text) : text.test(current)),
    JSON.stringify(String(text)),
  );

/** Keys sent before Ink puts the terminal in raw mode are lost: wait for it. */
async function waitForRawMode(session: string): Promise<void> {
  const tty = tmux('display', '-p', '-t', session, '#{pane_tty}').trim();
  const deadline = Date.now() + timeoutMs;
  while (
    !/(^|\s)-icanon(\s|$)/.test(execFileSync('stty', ['-F', tty, '-a'], { encoding: 'utf8' }))
  ) {
    if (Date.now() > deadline)
      throw new Error(
        `The tutor never put ${tty} in raw mode; the screen was:\n${screen(session)}`,
      );
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

describe.runIf(hasTmux)('logreg-tutor in a real terminal (tmux)', () => {
  const course = loadCourse();
  const first = course.tasks[0];
  const second = course.tasks[1];
  const temp = mkdtempSync(path.join(tmpdir(), 'logreg-e2e-'));
  const configDir = path.join(temp, 'config');
  const workspace = path.join(temp, 'lab');

  beforeAll(() => {
    // `npm test` builds first; a run of this file alone must not test a stale bundle.
    const bundle = path.join(repo, 'dist/cli.js');
    if (
      !existsSync(bundle) ||
      statSync(bundle).mtimeMs <
        Math.max(newestMtime(path.join(repo, 'src')), newestMtime(path.join(repo, 'lessons')))
    ) {
      execFileSync('node', ['esbuild.config.js'], { cwd: repo });
    }
  });

  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    rmSync(temp, { recursive: true, force: true });
  });

  it('first launch → map → sigmoid → a correct save shows ✓ and unlocks the next task → quit → progress kept', async () => {
    if (!first || !second) throw new Error('The course needs two tasks');
    const taskCount = course.tasks.filter((task) => !task.bonus).length;

    launch('first', configDir, workspace);
    let text = await waitForText('first', 'Welcome to logreg-tutor');
    expect(text).toContain(`Your workspace: ${workspace}`);
    await waitForRawMode('first');

    text = await press('first', 'Enter', `0 of ${taskCount} tasks passed`);
    expect(text).toMatch(new RegExp(`· ${second.title}.*locked · complete ${first.id} first`));
    await press('first', 'j', new RegExp(`› ○ ${first.title}`));
    await press('first', 'Enter', `watching ${first.file} · not checked yet`);

    // The student's editor saves the solution: a temp file renamed over the task file.
    const temporary = path.join(workspace, `.${first.file}.swp-save`);
    writeFileSync(temporary, first.solution);
    renameSync(temporary, path.join(workspace, first.file));
    text = await waitForText('first', '✓ Passed!');
    expect(text).toMatch(
      new RegExp(
        `watching ${first.file.replace('.', '\\.')} · last checked \\d\\d:\\d\\d:\\d\\d · \\d+ ms`,
      ),
    );
    // Passing is half of it: the next task opens once the task's question is answered too.
    expect(text).toContain(`Next: a answers the question; then n opens ${second.title}`);

    // p: the plots, drawn from the student's own file in the sandbox after the pass.
    expect(text).toContain('p shows your plots');
    text = await press('first', 'p', `Plots of ${first.file} · plot 1 of`);
    expect(text).toMatch(/σ\(z\), yours/);
    expect(text).toMatch(/└─+/);
    await press('first', 'Escape', '✓ Passed!');

    await press('first', 'a', `Questions · ${first.title}`);
    await press('first', 'Enter', 'Your answer (Enter submits)');
    tmux('send-keys', '-t', 'first', '-l', 'It flattens out, so the gradient vanishes.');
    await waitForText('first', 'so the gradient vanishes.');
    await press('first', 'Enter', 'Self-check, not a grade');
    await press('first', 'b', `Questions · ${first.title}`);
    text = await press('first', 'b', '✓ Passed!');
    expect(text).toContain(`n opens ${second.title} (${second.file}), now unlocked`);

    text = await press('first', 'b', `1 of ${taskCount} tasks passed`);
    expect(text).toMatch(new RegExp(`✓ ${first.title}.*passed`));
    expect(text).toMatch(
      new RegExp(`○ ${second.title}\\s+${second.file.replace('.', '\\.')}\\s+open`),
    );

    text = await press('first', 'q', 'EXITED 0');
    expect(text).toContain(`logreg-tutor: progress saved (1 of ${taskCount} tasks passed)`);
    tmux('kill-session', '-t', 'first');

    launch('second', configDir, workspace);
    text = await waitForText('second', `1 of ${taskCount} tasks passed`);
    expect(text).not.toContain('Welcome to logreg-tutor');
    // Resumed on the lesson opened last.
    expect(text).toMatch(new RegExp(`› ✓ ${first.title}.*passed`));
    expect(text).toMatch(new RegExp(`○ ${second.title}.*open`));
    await waitForRawMode('second');
    await press('second', 'q', 'EXITED 0');
  });
});

if (!hasTmux) {
  describe('logreg-tutor in a real terminal', () => {
    it.skip('needs tmux, which is not installed here (CI installs it): the end-to-end test drives the tutor in a tmux pane', () => {});
  });
}
