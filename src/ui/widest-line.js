// widest-line, remembered: bundled in its place for Ink (esbuild.config.js). Ink measures the
// widest line of every <Text> on every frame (render-node-to-output.js) and string-width walks
// each line grapheme by grapheme (Intl.Segmenter, an emoji regex per grapheme), a third of a
// frame's time with the lessons' maths (σ, ∇, ─). The lines are mostly those of the last frame.
import { RecentMap } from './recent-map.js';
import stringWidth from './string-width.js';

// At most 2 × 2048 texts: their widths are numbers, but the texts are whole blocks of lines.
/** @type {RecentMap<number>} */
const widths = new RecentMap(2048);

/** @param {string} text */
function measure(text) {
  let width = 0;
  for (const line of text.split('\n')) width = Math.max(width, stringWidth(line));
  return width;
}

/**
 * Columns of the widest line of `text`.
 * @param {string} text
 * @returns {number}
 */
export default function widestLine(text) {
  return widths.get(text, measure);
}
