// Measuring, wrapping and cutting terminal text (ANSI colours included), so the screens know how
// many rows each block takes before they draw it. The same string-width, wrap-ansi and
// cli-truncate that Ink draws with, so a row measured here is as wide as Ink makes it.
import cliTruncate from 'cli-truncate';
import { wrapLine } from '../terminal/text.js';

export { stripAnsi, textWidth, wrapLine } from '../terminal/text.js';

/** Cuts `text` to `width` columns, ending with `…` when it was longer. */
export function truncate(text: string, width: number): string {
  return cliTruncate(text, width);
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
