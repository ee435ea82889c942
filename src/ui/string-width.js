// string-width with a quick answer for the text the tutor draws, bundled in its place for Ink
// (esbuild.config.js), which measures every character it draws. string-width walks any line
// that is not plain ASCII grapheme by grapheme (Intl.Segmenter, an emoji regex each: ~0.3 ms
// for a line of the lessons' maths, and ~45 ms to set up on the first frame). A line made only
// of the characters below (ASCII, Latin, Greek, punctuation, arrows, maths, box drawing,
// symbols), each one column wide and none joining its neighbour into one grapheme, is as wide
// as it is long; anything else is measured by string-width itself.
import stringWidth from 'string-width';

// Generated from string-width 8.3 and checked against it, character by character, by
// tests/unit/ui/ink-remembers.test.ts: one-column characters that are no mark, format or
// control character, not ignorable, no emoji by default, nothing a grapheme can join.
const oneColumn =
  /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u02FF\u0370-\u0377\u037A-\u037F\u0384-\u038A\u038C\u038E-\u03A1\u03A3-\u03FF\u1D00-\u1DBF\u2000-\u200A\u2010-\u2027\u202F-\u205F\u2070\u2071\u2074-\u208E\u2090-\u209C\u20A0-\u20C1\u2100-\u218B\u2190-\u2319\u231C-\u2328\u232B-\u23E8\u23ED-\u23EF\u23F1\u23F2\u23F4-\u2429\u2440-\u244A\u2460-\u25FC\u25FF-\u2613\u2616-\u262F\u2638-\u2647\u2654-\u267E\u2680-\u2689\u2690-\u2692\u2694-\u26A0\u26A2-\u26A9\u26AC-\u26BC\u26BF-\u26C3\u26C6-\u26CD\u26CF-\u26D3\u26D5-\u26E9\u26EB-\u26F1\u26F4\u26F6-\u26F9\u26FB\u26FC\u26FE-\u2704\u2706-\u2709\u270C-\u2727\u2729-\u274B\u274D\u274F-\u2752\u2756\u2758-\u2794\u2798-\u27AF\u27B1-\u27BE\u27C0-\u2B1A\u2B1D-\u2B4F\u2B51-\u2B54\u2B56-\u2B73\u2B76-\u2BFF]*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: colours are what is stripped.
const colour = /\u001B\[[0-9;]*m/g;

/** @param {string} text */
const withoutColours = (text) => (text.includes('\u001B') ? text.replace(colour, '') : text);

/**
 * True when `text` (colours aside) is made only of the characters above: as wide as it is long.
 * @param {string} text
 */
export function isOneColumnText(text) {
  return oneColumn.test(withoutColours(text));
}

/**
 * Columns `text` takes in a terminal, as string-width counts them.
 * @param {string} text
 * @param {import('string-width').Options} [options]
 * @returns {number}
 */
export default function width(text, options) {
  if (options !== undefined || typeof text !== 'string') return stringWidth(text, options);
  const plain = withoutColours(text);
  return oneColumn.test(plain) ? plain.length : stringWidth(text);
}
