// The real tutor in a tmux pane, killed in the middle of a check that never ends (an endless
// loop): by SIGTERM, and by the terminal closing (SIGHUP). No process is left behind, and the
// terminal is given back usable (out of raw mode, echo on).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/lessons/load.js';
import {
  checkedWorkspace,
  hasTmux,
  tmuxServer,
  tutorFolder,
  tutorProcesses,
  until,
} from '../helpers/tmux.js';

const server = tmuxServer('logreg-signals');
const { tmux, screen } = server;

describe.runIf(hasTmux)('killing the tutor during a check', () => {
  const course = loadCourse();
  const sigmoid = course.tasks[0];
  const { temp, configDir } = tutorFolder(server, 'logreg-signals-');

  /** A workspace whose sigmoid never returns, checked once (so opening it checks it again). */
  function endlessWorkspace(name: string): string {
    if (!sigmoid) throw new Error('The course has no tasks');
    return checkedWorkspace({
      dir: path.join(temp, name),
      configDir,
      file: sigmoid.file,
      source: 'export function sigmoid(z: number[]): number[] {\n  for (;;) {}\n}\n',
      checkArgs: ['sigmoid', '--timeout', '0.2'],
    });
  }

  /** Starts the tutor in a pane whose shell reports, after it exits, how it left the terminal. */
  async function startChecking(session: string, workspace: string): Promise<number> {
    if (!sigmoid) throw new Error('The course has no tasks');
    server.launch(session, {
      env: { LOGREG_TUTOR_CONFIG_DIR: configDir },
      args: ['--workspace', workspace],
      afterExit: "stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo; ",
    });
    await server.openFromMap(session, sigmoid.file);
    await until('the check to run', () => screen(session).includes(`checking ${sigmoid.file}`));
    const [pid] = tutorProcesses(workspace);
    if (pid === undefined) throw new Error('The tutor is not running');
    return pid;
  }

  it('SIGTERM ends it at once, with no process left and the terminal usable', async () => {
    const workspace = endlessWorkspace('term-lab');
    const pid = await startChecking('term', workspace);
    const killed = Date.now();
    process.kill(pid, 'SIGTERM');
    const after = await until('the shell to get the terminal back', () => {
      const text = screen('term');
      return /EXITED \d+\n.*icanon/.test(text) ? text : undefined;
    });
    // Well within the check's 5 s limit: the check was stopped, not waited for.
    expect(Date.now() - killed).toBeLessThan(4000);
    expect(tutorProcesses(workspace)).toEqual([]);
    // Canonical mode and echo are back on: the shell reads lines again.
    expect(after).toMatch(/(^|\s)icanon(\s|$)/m);
    expect(after).toMatch(/(^|\s)echo(\s|$)/m);
    expect(after).not.toMatch(/-icanon|-echo\b/);
  }, 40_000);

  it('closing the terminal (SIGHUP) leaves no process behind', async () => {
    const workspace = endlessWorkspace('hup-lab');
    await startChecking('hup', workspace);
    tmux('kill-session', '-t', 'hup');
    await until('the tutor to exit', () => tutorProcesses(workspace).length === 0, {
      timeoutMs: 4000,
    });
    expect(tutorProcesses(workspace)).toEqual([]);
  }, 40_000);
});
