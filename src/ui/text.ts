// Measuring and wrapping terminal text (ANSI colours included), so the screens know how many
// rows each block takes before they draw it.

// SGR colour sequences and other CSI/OSC sequences: zero width.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching escape sequences is the point.
const ansiPattern = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/g;

/** `text` without ANSI escape sequences. */
export function stripAnsi(text: string): string {
  return text.replace(ansiPattern, '');
}

/** Columns one code point takes: 0 for combining marks, 2 for wide East Asian and emoji. */
export function charWidth(codePoint: number): number {
  if (
    codePoint === 0 ||
    (codePoint >= 0x300 && codePoint <= 0x36f) ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    codePoint === 0xfe0f
  )
    return 0;
  if (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1faff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Columns `text` takes on screen. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of stripAnsi(text)) width += charWidth(char.codePointAt(0) ?? 0);
  return width;
}

/** Cuts `text` (no ANSI) to `width` columns, ending with `…` when it was longer. */
export function truncate(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = charWidth(char.codePointAt(0) ?? 0);
    if (used + w > width - 1) break;
    out += char;
    used += w;
  }
  return `${out}…`;
}

type Piece = { readonly kind: 'ansi' | 'text'; readonly value: string };

function pieces(line: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const match of line.matchAll(ansiPattern)) {
    if (match.index > last) out.push({ kind: 'text', value: line.slice(last, match.index) });
    out.push({ kind: 'ansi', value: match[0] });
    last = match.index + match[0].length;
  }
  if (last < line.length) out.push({ kind: 'text', value: line.slice(last) });
  return out;
}

// A list marker at the start of a line: its continuation lines hang under the text after it.
const hangingPrefix = /^(\s*(?:[•*-]|\d+\.|│)?\s*)/;

/**
 * Wraps one line (ANSI colours allowed) at spaces to `width` columns. Continuation lines are
 * indented like the text after a list marker, and every row re-opens the colours that were
 * active, so each row can be drawn on its own.
 */
export function wrapLine(line: string, width: number): string[] {
  if (width <= 0 || textWidth(line) <= width) return [line];
  const indentWidth = Math.min(
    textWidth(hangingPrefix.exec(stripAnsi(line))?.[1] ?? ''),
    Math.floor(width / 2),
  );
  const indent = ' '.repeat(indentWidth);
  const rows: string[] = [];
  let active: string[] = [];
  let row = '';
  let rowWidth = 0;
  let rowHasText = false;
  // The current word as tokens (a character, or an escape sequence of width 0), held back
  // until we know whether it fits on the row.
  let word: { readonly value: string; readonly width: number }[] = [];

  const breakRow = () => {
    rows.push(`${row}${active.length > 0 ? '\u001B[0m' : ''}`);
    row = `${indent}${active.join('')}`;
    rowWidth = indentWidth;
    rowHasText = false;
  };
  const flushWord = () => {
    const wordWidth = word.reduce((sum, token) => sum + token.width, 0);
    if (rowHasText && wordWidth > 0 && rowWidth + wordWidth > width) {
      // The space that separated the word from the row is dropped at the break.
      row = row.replace(/ +$/, '');
      breakRow();
    }
    // A word longer than a whole row is cut wherever it must be.
    for (const token of word) {
      if (token.width > 0 && rowWidth + token.width > width && rowHasText) breakRow();
      row += token.value;
      rowWidth += token.width;
      if (token.width > 0) rowHasText = true;
      if (token.width === 0 && token.value.endsWith('m')) {
        if (token.value === '\u001B[0m' || token.value === '\u001B[m') active = [];
        else active.push(token.value);
      }
    }
    word = [];
  };

  for (const piece of pieces(line)) {
    if (piece.kind === 'ansi') {
      word.push({ value: piece.value, width: 0 });
      continue;
    }
    for (const char of piece.value) {
      if (char === ' ') {
        flushWord();
        if (rowWidth < width) {
          row += ' ';
          rowWidth += 1;
        }
        continue;
      }
      word.push({ value: char, width: charWidth(char.codePointAt(0) ?? 0) });
    }
  }
  flushWord();
  rows.push(row);
  return rows;
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
