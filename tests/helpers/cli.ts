// Runs the built tutor (`bin/logreg-tutor.js` → dist/) as a child process, the way a student's
// shell does: no terminal, no colour, and a progress store in a temporary folder.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './workspace.js';

const root = path.resolve(import.meta.dirname, '../..');
export const binPath = path.join(root, 'bin', 'logreg-tutor.js');

/** What a run printed and how it ended. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
}

export interface CliOptions {
  /** Folder to run in (default: a fresh temporary one). */
  readonly cwd?: string;
  /** Extra environment, over the isolating defaults; `undefined` removes a variable. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly timeoutMs?: number;
  /** What standard input holds (default: nothing, closed at once). */
  readonly input?: string;
}

/** A tutor with its own progress store: every run shares that store, and nothing else. */
export interface CliSession {
  /** The progress store's folder (LOGREG_TUTOR_CONFIG_DIR). */
  readonly configDir: string;
  run(args: readonly string[], options?: CliOptions): Promise<CliRun>;
}

export function cliSession(): CliSession {
  if (!existsSync(path.join(root, 'dist', 'cli.js'))) {
    throw new Error(
      'dist/cli.js is missing: run `node esbuild.config.js` first (`npm test` does).',
    );
  }
  const configDir = tempDir('logreg-config-');
  return {
    configDir,
    run: (args, options = {}) =>
      runCli(args, { ...options, env: { LOGREG_TUTOR_CONFIG_DIR: configDir, ...options.env } }),
  };
}

/**
 * Runs `node bin/logreg-tutor.js ...args` with stdin a pipe (not a TTY) holding `input`, then
 * closed, and NO_COLOR set.
 */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: '1',
    LOGREG_TUTOR_DEBUG: undefined,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], {
      cwd: options.cwd ?? tempDir('logreg-cwd-'),
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // A command that exits without reading its input (a usage error, --help) closes the pipe
    // first; under load that can happen before the input is written, which is no failure.
    child.stdin.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') reject(error);
    });
    child.stdin.end(options.input ?? '');
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `logreg-tutor ${args.join(' ')} did not exit within ${options.timeoutMs ?? 20_000} ms.\nstdout: ${stdout}\nstderr: ${stderr}`,
        ),
      );
    }, options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, durationMs: performance.now() - started });
    });
  });
}
