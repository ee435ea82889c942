// widest-line, remembered: bundled in its place for Ink (esbuild.config.js). Ink measures the
// widest line of every <Text> on every frame (render-node-to-output.js) and string-width walks
// each line grapheme by grapheme (Intl.Segmenter, an emoji regex per grapheme), a third of a
// frame's time with the lessons' maths (σ, ∇, ─). The lines are mostly those of the last frame.
import stringWidth from './string-width.js';

/** @type {Map<string, number>} */
const widths = new Map();
// About two screens of rows; a long session must not keep every line it ever drew.
const limit = 4096;

/**
 * Columns of the widest line of `text`.
 * @param {string} text
 * @returns {number}
 */
export default function widestLine(text) {
  const known = widths.get(text);
  if (known !== undefined) return known;
  let width = 0;
  for (const line of text.split('\n')) width = Math.max(width, stringWidth(line));
  if (widths.size >= limit) widths.clear();
  widths.set(text, width);
  return width;
}
