// Driving the built tutor in a real pseudo-terminal (a tmux pane): a tmux server on a private
// socket, so the tests neither see nor disturb the developer's tmux sessions; keys sent one at a
// time, each waited for on screen (never a blind sleep).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { tmuxSocket } from './tmux-socket.js';

export const repo = path.resolve(import.meta.dirname, '../..');
/**
 * Whether tmux can be run. CI installs it (.ci/run), so there a missing tmux fails the tests
 * that need it instead of skipping them.
 */
export const hasTmux = spawnSync('tmux', ['-V']).status === 0 || process.env.CI === 'true';
const timeoutMs = 20_000;

/** Quotes `text` for the shell. */
export function quote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it gives a value (not `undefined` or `false`), or fails saying `what`. */
export async function until<T>(
  what: string | (() => string),
  probe: () => T | undefined,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? timeoutMs);
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(typeof what === 'string' ? `Timed out waiting for ${what}` : what());
    await sleep(options.intervalMs ?? 50);
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** `npm test` builds first; a run of one e2e file alone must not test a stale bundle. */
export function ensureBuilt(): void {
  const bundle = path.join(repo, 'dist/cli.js');
  if (
    !existsSync(bundle) ||
    statSync(bundle).mtimeMs <
      Math.max(newestMtime(path.join(repo, 'src')), newestMtime(path.join(repo, 'lessons')))
  ) {
    execFileSync('node', ['esbuild.config.js'], { cwd: repo });
  }
}

/**
 * The folder of a describe block's tutors: `temp` for their workspaces, `configDir` for their
 * progress store. Call it in the block: it builds the tutor first if need be, and afterwards
 * ends `server` (every tutor on it) and removes the folder.
 */
export function tutorFolder(
  server: TmuxServer,
  prefix: string,
): { readonly temp: string; readonly configDir: string } {
  const temp = mkdtempSync(path.join(tmpdir(), prefix));
  beforeAll(ensureBuilt);
  afterAll(() => {
    server.kill();
    rmSync(temp, { recursive: true, force: true });
  });
  return { temp, configDir: path.join(temp, 'config') };
}

/**
 * A workspace made by the real `init`, with `file` written as `source` and checked once by the
 * real `check` (with `checkArgs`), so the tutor opened on it shows that verdict.
 */
export function checkedWorkspace(options: {
  readonly dir: string;
  readonly configDir: string;
  readonly file: string;
  readonly source: string;
  readonly checkArgs: readonly string[];
}): string {
  const env = { ...process.env, LOGREG_TUTOR_CONFIG_DIR: options.configDir, NO_COLOR: '1' };
  execFileSync('node', ['bin/logreg-tutor.js', 'init', options.dir], { cwd: repo, env });
  writeFileSync(path.join(options.dir, options.file), options.source);
  spawnSync('node', ['bin/logreg-tutor.js', '-w', options.dir, 'check', ...options.checkArgs], {
    cwd: repo,
    env,
  });
  return options.dir;
}

/**
 * The tutors running on `workspace`: node processes whose command line names it (the tutor's
 * workers are threads of it), not the pane's shell that started them, nor this test.
 */
export function tutorProcesses(workspace: string): number[] {
  const found = spawnSync('pgrep', ['-f', `^node .*${workspace}`], { encoding: 'utf8' });
  return found.stdout
    .split('\n')
    .filter(Boolean)
    .map(Number)
    .filter((pid) => pid !== process.pid);
}

export interface LaunchOptions {
  /** Environment of the tutor, over this process's; `undefined` removes a variable. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Arguments of `bin/logreg-tutor.js`. */
  readonly args?: readonly string[];
  readonly columns?: number;
  readonly rows?: number;
  /** Shell run in the pane after the tutor exits (and says `EXITED <code>`). */
  readonly afterExit?: string;
  /** The built tutor's folder (bin/, dist/); default this repository. */
  readonly tutorDir?: string;
}

/** A tmux server of its own (`-L`): sessions on it run the tutor; `kill()` ends them all. */
export interface TmuxServer {
  tmux(...args: string[]): string;
  /** Starts the tutor in a new session; the pane stays open after it exits, saying how. */
  launch(session: string, options?: LaunchOptions): void;
  screen(session: string): string;
  /** The screen with the escape sequences of its colours and styles (`capture-pane -e`). */
  styledScreen(session: string): string;
  waitFor(session: string, condition: (text: string) => boolean, what: string): Promise<string>;
  waitForText(session: string, text: string | RegExp): Promise<string>;
  /** Keys sent before Ink puts the terminal in raw mode are lost: wait for it. */
  waitForRawMode(session: string): Promise<void>;
  /** Sends one key and waits for its effect before the next one can be sent. */
  press(session: string, key: string, expected: string | RegExp): Promise<string>;
  /** Waits for the map and for the tutor to read keys, then moves down to `file` and opens it. */
  openFromMap(session: string, file: string): Promise<void>;
  /** Ends the server and every session on it (for `afterAll`). */
  kill(): void;
}

export function tmuxServer(name: string): TmuxServer {
  const socket = `${name}-${process.pid}`;
  const tmux = tmuxSocket(socket);
  const screen = (session: string) => tmux('capture-pane', '-p', '-t', session);
  const styledScreen = (session: string) => tmux('capture-pane', '-p', '-e', '-t', session);

  async function waitFor(
    session: string,
    condition: (text: string) => boolean,
    what: string,
  ): Promise<string> {
    // A frame larger than the pty's buffer reaches tmux in pieces, so one capture can hold the
    // awaited text with the rest of the frame still undrawn. Nothing on the tutor's screens
    // animates: a frame is whole once two captures in a row agree.
    let text = '';
    let previous: string | undefined;
    return until(
      () => `Timed out waiting for ${what}; the screen was:\n${text}`,
      () => {
        text = screen(session);
        const settled = text === previous;
        previous = condition(text) ? text : undefined;
        return settled && previous !== undefined ? text : undefined;
      },
      { intervalMs: 100 },
    );
  }

  const waitForText = (session: string, text: string | RegExp) =>
    waitFor(
      session,
      (current) => (typeof text === 'string' ? current.includes(text) : text.test(current)),
      JSON.stringify(String(text)),
    );

  return {
    tmux,
    screen,
    styledScreen,
    waitFor,
    waitForText,
    launch(session, options = {}) {
      // `env -u NAME…` first: after the first NAME=value, env takes the rest for the command.
      const entries = Object.entries(options.env ?? {});
      const env = [
        ...entries.filter(([, value]) => value === undefined).map(([key]) => `-u ${key}`),
        ...entries.flatMap(([key, value]) =>
          value === undefined ? [] : [`${key}=${quote(value)}`],
        ),
      ].join(' ');
      const args = (options.args ?? []).map(quote).join(' ');
      const command = `cd ${quote(options.tutorDir ?? repo)} && env ${env} node bin/logreg-tutor.js ${args}; echo "EXITED $?"; ${options.afterExit ?? ''}sleep 600`;
      const columns = String(options.columns ?? 120);
      const rows = String(options.rows ?? 40);
      tmux('new-session', '-d', '-s', session, '-x', columns, '-y', rows, command);
    },
    async waitForRawMode(session) {
      const tty = tmux('display', '-p', '-t', session, '#{pane_tty}').trim();
      await until(
        () => `The tutor never put ${tty} in raw mode; the screen was:\n${screen(session)}`,
        () =>
          /(^|\s)-icanon(\s|$)/.test(execFileSync('stty', ['-F', tty, '-a'], { encoding: 'utf8' })),
      );
    },
    press(session, key, expected) {
      tmux('send-keys', '-t', session, key);
      return waitForText(session, expected);
    },
    async openFromMap(session, file) {
      // The first start on a workspace (one made by `init` too) welcomes first.
      const first = await waitForText(session, /tasks passed|Welcome to logreg-tutor/);
      await this.waitForRawMode(session);
      // …and for a moment after raw mode, until Ink listens: keys sent sooner are lost.
      await sleep(500);
      if (!first.includes('tasks passed')) await this.press(session, 'Enter', 'tasks passed');
      const cursor = () =>
        screen(session)
          .split('\n')
          .find((line) => line.startsWith('›')) ?? '';
      while (!cursor().includes(file)) {
        const before = cursor();
        tmux('send-keys', '-t', session, 'j');
        await until('the cursor to move', () => cursor() !== before);
      }
      tmux('send-keys', '-t', session, 'Enter');
    },
    kill() {
      tmux.kill();
    },
  };
}
