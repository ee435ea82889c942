// Measuring, wrapping and cutting terminal text (ANSI colours included), so the screens know how
// many rows each block takes before they draw it. The same string-width, wrap-ansi and
// cli-truncate that Ink draws with, so a row measured here is as wide as Ink makes it.
import cliTruncate from 'cli-truncate';
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

/** Cuts `text` to `width` columns, ending with `…` when it was longer. */
export function truncate(text: string, width: number): string {
  return cliTruncate(text, width);
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

/** Wraps plain text (several lines allowed) to `width`, indenting every row by `indent` spaces. */
export function wrapText(text: string, width: number, indent = 0): string[] {
  const pad = ' '.repeat(indent);
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, Math.max(10, width - indent)).map((row) => `${pad}${row}`));
}

/**
 * `2026-11-28`, the local date of a timestamp: toLocaleDateString('en-CA') without it, whose
 * first call loads ICU's date formats (~50 ms, on the map's first frame).
 */
export function calendarDate(at: number): string {
  const date = new Date(at);
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()]
    .map((part) => String(part).padStart(2, '0'))
    .join('-');
}

/** `12:01:03`, the local time of day of a timestamp. */
export function clock(at: number): string {
  const date = new Date(at);
  return [date.getHours(), date.getMinutes(), date.getSeconds()]
    .map((part) => String(part).padStart(2, '0'))
    .join(':');
}

/** `1 hint`, `2 hints`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
