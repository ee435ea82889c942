// Measuring and wrapping terminal text (ANSI colours included) with the string-width and
// wrap-ansi that Ink draws with, so a row measured here is as wide as Ink makes it; shared by
// the TUI and the commands that print rendered text.
import stringWidth from 'string-width';
import stripAnsiCodes from 'strip-ansi';
import wrapAnsi from 'wrap-ansi';

/** `text` without ANSI escape sequences. */
export function stripAnsi(text: string): string {
  return stripAnsiCodes(text);
}

/** Columns `text` takes on screen. */
export function textWidth(text: string): number {
  return stringWidth(text);
}

// A list marker at the start of a line: its continuation lines hang under the text after it.
const hangingPrefix = /^(\s*(?:[•*-]|\d+\.|│)?\s*)/;

/**
 * Where in `line` (ANSI included) its first `visible` characters without ANSI end; escape
 * sequences just after them belong to the text that follows.
 */
function rawOffset(line: string, visible: number): number {
  let offset = 0;
  while (offset < line.length && stripAnsi(line.slice(0, offset)).length < visible) offset++;
  return offset;
}

/**
 * Wraps one line (ANSI colours allowed) at spaces to `width` columns; a word longer than a row
 * is cut. Continuation lines are indented like the text after a list marker, and every row
 * re-opens the colours that were active, so each row can be drawn on its own.
 */
export function wrapLine(line: string, width: number): string[] {
  if (width <= 0 || textWidth(line) <= width) return [line];
  const prefixText = hangingPrefix.exec(stripAnsi(line))?.[1] ?? '';
  const indentWidth = textWidth(prefixText);
  if (indentWidth > Math.floor(width / 2)) return wrapAnsi(line, width, { hard: true }).split('\n');
  const split = rawOffset(line, prefixText.length);
  const [first = '', ...rest] = wrapAnsi(line.slice(split), width - indentWidth, {
    hard: true,
  }).split('\n');
  const indent = ' '.repeat(indentWidth);
  return [`${line.slice(0, split)}${first}`, ...rest.map((row) => `${indent}${row}`)];
}
