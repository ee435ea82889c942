// What every command prints with: stdout in colour or not (one decision per run), a stdout that
// may close early, and the small words and paths the messages share.
import path from 'node:path';
import { styleText } from 'node:util';

/** The command's name, as messages spell it. */
export const bin = 'logreg-tutor';

/** A style `paint` understands: node:util's styleText formats. */
export type Style = Parameters<typeof styleText>[0];

// Whether stdout is coloured (src/color.ts), decided once the command line is parsed.
let stdoutColor = false;

/** Sets whether stdout is coloured; main.ts decides it once the command line is parsed. */
export function setStdoutColor(color: boolean): void {
  stdoutColor = color;
}

/** True when stdout is coloured in this run. */
export function stdoutColored(): boolean {
  return stdoutColor;
}

/** `text` in `style` when stdout is coloured, else as it is. */
export function paint(style: Style, text: string): string {
  // The decision is ours: styleText's own check of the stream would overrule FORCE_COLOR and
  // --color on a pipe, and warn when FORCE_COLOR and NO_COLOR are both set.
  return stdoutColor ? styleText(style, text, { validateStream: false }) : text;
}

// `logreg-tutor check | head` closes stdout early: stop printing, but finish the run and record
// it, instead of dying on an EPIPE stack trace.
let stdoutClosed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutClosed = true;
});

/** Prints one line (or several) on stdout, unless the reader has gone. */
export function print(text = ''): void {
  if (!stdoutClosed) process.stdout.write(`${text}\n`);
}

/** Prints `logreg-tutor: MESSAGE` on stderr: notices that are not the command's output. */
export function printNotice(message: string): void {
  process.stderr.write(`${bin}: ${message}\n`);
}

/** The columns text is laid out in: the terminal's width, else 80 (a pipe or a file). */
export function stdoutColumns(): number {
  return (process.stdout.isTTY && process.stdout.columns) || 80;
}

/** `logreg-lab` when the folder is below the current one, else the absolute path. */
export function displayPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  if (relative === '') return '.';
  return relative.startsWith('..') || path.isAbsolute(relative) ? dir : relative;
}

/** `1 task`, `2 tasks`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
