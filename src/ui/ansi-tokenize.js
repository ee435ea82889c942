// @alcalzone/ansi-tokenize with its per-line work remembered, bundled in its place for Ink
// (esbuild.config.js). Ink splits every line of the screen into styled characters again for
// every frame (output.js: styledCharsFromTokens(tokenize(line)), cached for one frame only),
// grapheme by grapheme through Intl.Segmenter: half of a frame's time, for lines that are
// nearly all those of the frame before. Ink only reads what these return, so it can be shared.
// And Ink joins the screen's cells back into lines with styledCharsToString, which works out the
// escape codes between every two cells (three Sets a cell): ~50 ms of a cold first frame.
import {
  ansiCodesToString,
  styledCharsFromTokens as charsOf,
  diffAnsiCodes,
  tokenize as tokensOf,
} from '@alcalzone/ansi-tokenize';
import { RecentMap } from './recent-map.js';

export * from '@alcalzone/ansi-tokenize';

// The lines of the last few frames: at most 2 × 256. (It kept up to 4096: ~10 MB of the tutor's
// live heap after checking every task, as styled characters nobody would draw again.)
/** @type {RecentMap<import('@alcalzone/ansi-tokenize').Token[]>} */
const tokensByLine = new RecentMap(256);
/** @type {WeakMap<import('@alcalzone/ansi-tokenize').Token[], import('@alcalzone/ansi-tokenize').StyledChar[]>} */
const charsByTokens = new WeakMap();

/**
 * The tokens of `text` (remembered when the whole line is asked for, as Ink does).
 * @param {string} text
 * @param {number} [endChar]
 */
export function tokenize(text, endChar) {
  if (endChar !== undefined) return tokensOf(text, endChar);
  return tokensByLine.get(text, tokensOf);
}

/** How many lines are remembered now (for tests: it must stay bounded). */
export function rememberedLineCount() {
  return tokensByLine.size;
}

/**
 * The styled characters of `tokens` (remembered for the token lists `tokenize` remembers).
 * @param {import('@alcalzone/ansi-tokenize').Token[]} tokens
 */
export function styledCharsFromTokens(tokens) {
  let chars = charsByTokens.get(tokens);
  if (chars === undefined) {
    chars = charsOf(tokens);
    charsByTokens.set(tokens, chars);
  }
  return chars;
}

/**
 * True when two cells have the same styles in the same order: no escape code between them.
 * @param {import('@alcalzone/ansi-tokenize').AnsiCode[]} a
 * @param {import('@alcalzone/ansi-tokenize').AnsiCode[]} b
 */
function sameStyles(a, b) {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) {
    const [left, right] = [a[index], b[index]];
    if (left?.code !== right?.code || left?.endCode !== right?.endCode) return false;
  }
  return true;
}

/** @type {import('@alcalzone/ansi-tokenize').AnsiCode[]} */
const unstyled = [];

/**
 * The package's styledCharsToString, working out the codes only where the styles change (most
 * cells share their neighbour's styles, mostly none).
 * @param {import('@alcalzone/ansi-tokenize').StyledChar[]} chars
 */
export function styledCharsToString(chars) {
  let text = '';
  let styles = unstyled;
  for (const char of chars) {
    if (!sameStyles(styles, char.styles))
      text += ansiCodesToString(diffAnsiCodes(styles, char.styles));
    text += char.value;
    styles = char.styles;
  }
  return styles.length === 0 ? text : text + ansiCodesToString(diffAnsiCodes(styles, unstyled));
}
