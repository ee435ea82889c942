// Opens a file in the student's editor ($VISUAL, else $EDITOR, else nano or vi) on the tutor's
// terminal, and returns when the editor exits.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The editor command line to run, or undefined when none is set and no fallback exists. */
export function editorCommand(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.VISUAL?.trim() || env.EDITOR?.trim();
  if (chosen) return chosen;
  return ['nano', 'vi'].find((name) => onPath(name, env));
}

/**
 * Runs the editor on `file` with the terminal handed over (stdio inherited). Synchronous on
 * purpose: while the event loop is blocked, Node reads nothing from stdin, so no keystroke
 * meant for the editor is taken by the tutor (an async spawn leaves Node's TTY stream reading).
 * The caller must have left raw mode and stopped drawing first.
 */
export async function openInEditor(
  file: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const command = editorCommand(env);
  if (!command) {
    throw new Error(
      `No editor found: set $EDITOR (for example \`export EDITOR=nano\`), or open ${file} in your editor yourself.`,
    );
  }
  // Through the shell, as git does, so `EDITOR="code --wait"` works; the file is passed as $1
  // so that no path needs quoting.
  const result =
    process.platform === 'win32'
      ? spawnSync(`${command} "${file}"`, { stdio: 'inherit', shell: true, env })
      : spawnSync('/bin/sh', ['-c', `${command} "$1"`, 'editor', file], { stdio: 'inherit', env });
  if (result.error) {
    throw new Error(
      `Failed to start the editor \`${command}\`: ${result.error.message}. Set $EDITOR to an editor you have.`,
    );
  }
  if (result.status === 127) {
    throw new Error(
      `Failed to start the editor \`${command}\`: command not found. Set $EDITOR to an editor you have (for example \`export EDITOR=nano\`).`,
    );
  }
}

function onPath(name: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir !== '' && existsSync(path.join(dir, name)));
}
