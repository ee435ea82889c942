// The footer's keys laid out in lines: wrapped between items, at most two lines, `? help` and
// `q quit` always kept. Pure, so the frame's layout knows the footer's height before drawing.

/** Between two items of a line. */
export const separator = '  ';
/** Always shown: whatever else is dropped, `?` lists it. */
const kept = new Set(['? help', 'q quit']);

/**
 * The items that fit in `width` columns: when they do not all fit, items are dropped from the
 * end of the list (the least used come last), keeping `? help` and `q quit`.
 */
export function fitFooter(items: readonly string[], width: number): string[] {
  const shown = [...items];
  for (let index = shown.length - 1; index >= 0 && lineLength(shown) > width; index--) {
    const item = shown[index];
    if (item !== undefined && !kept.has(item)) shown.splice(index, 1);
  }
  return shown;
}

/** Lines the footer takes at most: every key of a screen fits in two at 80 columns. */
export const footerMaxLines = 2;

function lineLength(items: readonly string[]): number {
  return (
    items.reduce((sum, item) => sum + [...item].length, 0) +
    separator.length * Math.max(0, items.length - 1)
  );
}

/**
 * The footer's lines: the items in order, wrapped between items to `width`; only what does not
 * fit in `footerMaxLines` lines is dropped (by `fitFooter`, from the last line).
 */
export function footerLines(items: readonly string[], width: number): string[][] {
  const lines: string[][] = [];
  const rest = [...items];
  while (rest.length > 0 && lines.length < footerMaxLines - 1 && lineLength(rest) > width) {
    const line: string[] = [];
    while (rest.length > 0 && lineLength([...line, rest[0] ?? '']) <= width)
      line.push(rest.shift() ?? '');
    if (line.length === 0) break;
    lines.push(line);
  }
  if (rest.length > 0) lines.push(fitFooter(rest, width));
  return lines;
}
