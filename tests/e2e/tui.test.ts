// The real `bin/logreg-tutor.js` in a real pseudo-terminal (a tmux pane), as a student uses it:
// first launch, the map, a task, a correct solution saved from outside, ✓, the next task
// unlocked, quit, and the progress still there at the next launch, opened with the command the
// tutor printed as it quit.
import { execFileSync } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/lessons/load.js';
import { hasTmux, quote, repo, tmuxServer, tutorFolder } from '../helpers/tmux.js';

const server = tmuxServer('logreg-e2e');
const { tmux, waitForText, waitForRawMode, press } = server;

describe.runIf(hasTmux)('logreg-tutor in a real terminal (tmux)', () => {
  const course = loadCourse();
  const first = course.tasks[0];
  const second = course.tasks[1];
  const { temp, configDir } = tutorFolder(server, 'logreg-e2e-');
  const workspace = path.join(temp, 'lab');

  const launch = (session: string) =>
    server.launch(session, {
      env: { LOGREG_TUTOR_CONFIG_DIR: configDir },
      args: ['--workspace', workspace],
    });

  it('first launch → map → sigmoid → a correct save shows ✓ and unlocks the next task → quit → progress kept', async () => {
    if (!first || !second) throw new Error('The course needs two tasks');
    const taskCount = course.tasks.filter((task) => !task.bonus).length;

    launch('first');
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
    // One line, pointing nowhere: `logreg-tutor` alone is not on the PATH after `npm start`.
    expect(text).toMatch(
      new RegExp(`^logreg-tutor: progress saved \\(1 of ${taskCount} tasks passed\\)\\.$`, 'm'),
    );
    // Where the work is, and a command that opens it again (wrapped rows joined).
    const joined = tmux('capture-pane', '-p', '-J', '-t', 'first').split('\n');
    const said = joined.findIndex((line) =>
      line.includes(`Created your workspace ${workspace}. Open it again with:`),
    );
    expect(said).toBeGreaterThanOrEqual(0);
    const reopen = joined[said + 1]?.trim() ?? '';
    expect(reopen).toMatch(new RegExp(`bin/logreg-tutor\\.js -w ${workspace}$`));
    tmux('kill-session', '-t', 'first');

    tmux(
      'new-session',
      '-d',
      '-s',
      'second',
      '-x',
      '120',
      '-y',
      '40',
      `cd ${quote(temp)} && CI=false LOGREG_TUTOR_CONFIG_DIR=${quote(configDir)} ${reopen}; echo "EXITED $?"; sleep 600`,
    );
    text = await waitForText('second', `1 of ${taskCount} tasks passed`);
    expect(text).not.toContain('Welcome to logreg-tutor');
    // Resumed on the lesson opened last.
    expect(text).toMatch(new RegExp(`› ✓ ${first.title}.*passed`));
    expect(text).toMatch(new RegExp(`○ ${second.title}.*open`));
    await waitForRawMode('second');
    text = await press('second', 'q', 'EXITED 0');
    expect(text).toContain(`Your workspace is ${workspace}. Open it again with:`);
  });

  it('welcomes once on a workspace made by init, at its first start in the tutor', async () => {
    const made = path.join(temp, 'made-by-init');
    const env = { ...process.env, LOGREG_TUTOR_CONFIG_DIR: configDir, NO_COLOR: '1' };
    execFileSync('node', ['bin/logreg-tutor.js', 'init', made], { cwd: repo, env });
    const open = (session: string) =>
      server.launch(session, {
        env: { LOGREG_TUTOR_CONFIG_DIR: configDir },
        args: ['--workspace', made],
      });

    open('init-first');
    let text = await waitForText('init-first', 'Welcome to logreg-tutor');
    expect(text).toContain(`Your workspace: ${made}`);
    await waitForRawMode('init-first');
    await press('init-first', 'Enter', 'tasks passed');
    text = await press('init-first', 'q', 'EXITED 0');
    expect(text).toContain(`Your workspace is ${made}. Open it again with:`);

    open('init-again');
    text = await waitForText('init-again', 'tasks passed');
    expect(text).not.toContain('Welcome to logreg-tutor');
    await waitForRawMode('init-again');
    await press('init-again', 'q', 'EXITED 0');
  });
});

if (!hasTmux) {
  describe('logreg-tutor in a real terminal', () => {
    it.skip('needs tmux, which is not installed here (CI installs it): the end-to-end test drives the tutor in a tmux pane', () => {});
  });
}
