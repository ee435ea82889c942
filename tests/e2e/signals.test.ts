// The real tutor in a tmux pane, killed in the middle of a check that never ends (an endless
// loop): by SIGTERM, and by the terminal closing (SIGHUP). No process is left behind, and the
// terminal is given back usable (out of raw mode, echo on).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/lessons/load.js';

const repo = path.resolve(import.meta.dirname, '../..');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const socket = `logreg-signals-${process.pid}`;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
}

function quote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * Node processes whose command line names this workspace: the tutor (its workers are threads),
 * not the pane's shell that started it.
 */
function tutorProcesses(workspace: string): number[] {
  const found = spawnSync('pgrep', ['-f', `^node .*${workspace}`], { encoding: 'utf8' });
  return found.stdout
    .split('\n')
    .filter(Boolean)
    .map(Number)
    .filter((pid) => pid !== process.pid);
}

describe.runIf(hasTmux)('killing the tutor during a check', () => {
  const course = loadCourse();
  const sigmoid = course.tasks[0];
  const temp = mkdtempSync(path.join(tmpdir(), 'logreg-signals-'));
  const configDir = path.join(temp, 'config');

  beforeAll(() => {
    const bundle = path.join(repo, 'dist/cli.js');
    if (!existsSync(bundle) || statSync(bundle).mtimeMs < Date.now() - 60 * 60 * 1000)
      execFileSync('node', ['esbuild.config.js'], { cwd: repo });
  });

  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    rmSync(temp, { recursive: true, force: true });
  });

  /** A workspace whose sigmoid never returns, checked once (so opening it checks it again). */
  function endlessWorkspace(name: string): string {
    if (!sigmoid) throw new Error('The course has no tasks');
    const workspace = path.join(temp, name);
    const env = { ...process.env, LOGREG_TUTOR_CONFIG_DIR: configDir, NO_COLOR: '1' };
    execFileSync('node', ['bin/logreg-tutor.js', 'init', workspace], { cwd: repo, env });
    writeFileSync(
      path.join(workspace, sigmoid.file),
      'export function sigmoid(z: number[]): number[] {\n  for (;;) {}\n}\n',
    );
    spawnSync(
      'node',
      ['bin/logreg-tutor.js', '-w', workspace, 'check', 'sigmoid', '--timeout', '0.2'],
      {
        cwd: repo,
        env,
      },
    );
    return workspace;
  }

  /** Starts the tutor in a pane whose shell reports, after it exits, how it left the terminal. */
  async function startChecking(session: string, workspace: string): Promise<number> {
    if (!sigmoid) throw new Error('The course has no tasks');
    const command = `cd ${quote(repo)} && CI=false LOGREG_TUTOR_CONFIG_DIR=${quote(configDir)} node bin/logreg-tutor.js --workspace ${quote(workspace)}; echo "EXITED $?"; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo; sleep 600`;
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', command);
    const screen = () => tmux('capture-pane', '-p', '-t', session);
    await until('the map', () => screen().includes('tasks passed'));
    const tty = tmux('display', '-p', '-t', session, '#{pane_tty}').trim();
    await until('raw mode', () =>
      /(^|\s)-icanon(\s|$)/.test(execFileSync('stty', ['-F', tty, '-a'], { encoding: 'utf8' })),
    );
    await sleep(500);
    const cursor = () =>
      screen()
        .split('\n')
        .find((line) => line.startsWith('›')) ?? '';
    while (!cursor().includes(sigmoid.file)) {
      const before = cursor();
      tmux('send-keys', '-t', session, 'j');
      await until('the cursor to move', () => cursor() !== before);
    }
    tmux('send-keys', '-t', session, 'Enter');
    await until('the check to run', () => screen().includes(`checking ${sigmoid.file}`));
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
      const text = tmux('capture-pane', '-p', '-t', 'term');
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
    await until('the tutor to exit', () => tutorProcesses(workspace).length === 0, 4000);
    expect(tutorProcesses(workspace)).toEqual([]);
  }, 40_000);
});
