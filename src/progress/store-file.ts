// The progress file as a file: where it lives by default, and what is done with one that is
// damaged (kept aside, never deleted).
import { readFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/** The folder conf uses when none is given (env-paths' config folder), for messages. */
export function defaultConfigDir(): string {
  const home = homedir();
  if (process.platform === 'darwin')
    return path.join(home, 'Library', 'Preferences', 'logreg-tutor');
  if (process.platform === 'win32')
    return path.join(
      process.env.APPDATA || path.join(home, 'AppData', 'Roaming'),
      'logreg-tutor',
      'Config',
    );
  return path.join(process.env.XDG_CONFIG_HOME || path.join(home, '.config'), 'logreg-tutor');
}

/** Why the file cannot be used as a store, or undefined when it is fine (or absent). */
export function fileProblem(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : describe(error);
  }
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return describe(error);
  }
}

/** A file that is there but is no store: not JSON, not readable, a folder. */
export function isDamage(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return (
    (error as Error).name === 'SyntaxError' ||
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'EISDIR'
  );
}

/**
 * Renames a damaged store to `progress.damaged-2026-11-28T12-01-03.json` beside it (kept, never
 * deleted) and says so, ending with what happens `then`. False when it could not be moved.
 */
export function moveAside(
  file: string,
  reason: string,
  notices: string[],
  then = 'the tutor starts afresh',
): boolean {
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '-');
  const extension = path.extname(file);
  const aside = `${file.slice(0, file.length - extension.length)}.damaged-${stamp}${extension}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
  notices.push(
    `Your progress file could not be read (${reason}): it is kept as \`${aside}\` and ${then}.`,
  );
  return true;
}

/** An error's message for a notice, without its final period. */
export function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\.$/, '');
}
