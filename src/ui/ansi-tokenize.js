// @alcalzone/ansi-tokenize with its per-line work remembered, bundled in its place for Ink
// (esbuild.config.js). Ink splits every line of the screen into styled characters again for
// every frame (output.js: styledCharsFromTokens(tokenize(line)), cached for one frame only),
// grapheme by grapheme through Intl.Segmenter: half of a frame's time, for lines that are
// nearly all those of the frame before. Ink only reads what these return, so it can be shared.
import { styledCharsFromTokens as charsOf, tokenize as tokensOf } from '@alcalzone/ansi-tokenize';

export * from '@alcalzone/ansi-tokenize';

// About two screens of lines; a long session must not keep every line it ever drew.
const limit = 4096;
/** @type {Map<string, import('@alcalzone/ansi-tokenize').Token[]>} */
const tokensByLine = new Map();
/** @type {WeakMap<import('@alcalzone/ansi-tokenize').Token[], import('@alcalzone/ansi-tokenize').StyledChar[]>} */
const charsByTokens = new WeakMap();

/**
 * The tokens of `text` (remembered when the whole line is asked for, as Ink does).
 * @param {string} text
 * @param {number} [endChar]
 */
export function tokenize(text, endChar) {
  if (endChar !== undefined) return tokensOf(text, endChar);
  let tokens = tokensByLine.get(text);
  if (tokens === undefined) {
    tokens = tokensOf(text);
    if (tokensByLine.size >= limit) tokensByLine.clear();
    tokensByLine.set(text, tokens);
  }
  return tokens;
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
