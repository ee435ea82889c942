// Markdown rendered for a terminal (marked + marked-terminal), as rows of at most `width`
// columns: the TUI's lessons and model answers, and the model answers the commands print.
import { Marked, type MarkedExtension, type Tokens } from 'marked';
import { markedTerminal } from 'marked-terminal';
import { stripAnsi, wrapLine } from './text.js';

const renderers = new Map<number, Marked>();

function rendererFor(width: number): Marked {
  const known = renderers.get(width);
  if (known) return known;
  const marked = new Marked();
  marked.use(
    // The types describe the old class API; the function returns a marked extension.
    markedTerminal({
      width,
      reflowText: true,
      // `:name:` is emoji syntax to marked-terminal; in maths it is just a colon.
      emoji: false,
      showSectionPrefix: false,
      tab: 2,
    }) as unknown as MarkedExtension,
  );
  marked.use({
    // A code span is one word to the wrapping below (marked-terminal's reflow and wrap-ansi break
    // at spaces only), so `import { sigmoid } from './01-sigmoid'` is not broken inside unless
    // it is wider than a row; the spaces come back once the rows are cut.
    walkTokens(token) {
      if (token.type === 'codespan') token.text = token.text.replaceAll(' ', unbreakableSpace);
    },
    renderer: {
      // marked-terminal prints a list item's inline markdown raw with marked ≥ 13
      // (mikaelbr/marked-terminal#304): render it, and join its soft line breaks so the
      // item reflows to the terminal's width.
      text(token: Tokens.Text | Tokens.Escape) {
        if (!('tokens' in token) || !token.tokens) return false;
        return this.parser.parseInline(token.tokens).replace(/\n/g, ' ');
      },
      // Its nested lists come out misnumbered; number each list on its own.
      list(token: Tokens.List) {
        const start = typeof token.start === 'number' ? token.start : 1;
        const rows: string[] = [];
        token.items.forEach((item, index) => {
          const marker = token.ordered ? `${start + index}. ` : '• ';
          // Token by token, so a nested list starts on a row of its own.
          const body = item.tokens
            .map((part) => this.parser.parse([part]).replace(/\n+$/, ''))
            .filter((part) => part !== '')
            .join('\n');
          const [first = '', ...rest] = body.split('\n');
          rows.push(
            `${marker}${first.trimStart()}`,
            ...rest.map((row) => (row === '' ? '' : `${' '.repeat(marker.length)}${row}`)),
          );
          if (item.loose) rows.push('');
        });
        return `${rows.map((row) => (row === '' ? '' : `  ${row}`)).join('\n')}\n\n`;
      },
    },
  });
  renderers.set(width, marked);
  return marked;
}

const unbreakableSpace = '\u00A0';

const cache = new Map<string, readonly string[]>();

/**
 * Rows of `markdown` rendered for a terminal `width` columns wide. Paragraphs and list items
 * are reflowed; longer rows (code, tables) are wrapped. Blank runs collapse to one blank row.
 * `color` false: no ANSI codes at all (the tutor's one decision, src/color.ts).
 */
export function renderMarkdown(markdown: string, width: number, color: boolean): readonly string[] {
  // marked-terminal colours with a chalk of its own, which knows nothing of NO_COLOR or
  // --no-color: without colour, its codes are taken out.
  const key = `${width}\u0000${color}\u0000${markdown}`;
  const known = cache.get(key);
  if (known) return known;
  const rows: string[] = [];
  const add = (row: string) => {
    if (row === '' && (rows.length === 0 || rows.at(-1) === '')) return;
    rows.push(row);
  };
  for (const segment of segments(markdown)) {
    if (segment.kind === 'display') {
      // Set apart and never reflowed: the line breaks are part of the formula's layout.
      add('');
      for (const line of segment.lines)
        for (const row of wrapLine(`    ${line.trim()}`, width)) add(row);
      add('');
      continue;
    }
    const text = rendererFor(width).parse(segment.lines.join('\n'), { async: false });
    for (const line of text.replace(/\r/g, '').split('\n')) {
      const row = line.trimEnd();
      // A table cut in two is worse than a table cut short.
      if (/^[│┌├└]/.test(stripAnsi(row))) add(row.replaceAll(unbreakableSpace, ' '));
      else
        for (const wrapped of wrapLine(row, width)) add(wrapped.replaceAll(unbreakableSpace, ' '));
    }
  }
  while (rows.at(-1) === '') rows.pop();
  const shown = color ? rows : rows.map(stripAnsi);
  if (cache.size > 200) cache.clear();
  cache.set(key, shown);
  return shown;
}

type Segment = { readonly kind: 'markdown' | 'display'; readonly lines: readonly string[] };

const listItem = /^\s*([-*+]|\d+[.)])\s/;

/**
 * Splits out the lessons' display maths: a paragraph whose every line is indented by two or
 * three spaces (`  σ(z) = 1 / (1 + e^(−z))`). Markdown would join its lines into one; the
 * lessons mean them as laid out. (Four spaces is a code block, which marked keeps as is.)
 */
function segments(markdown: string): Segment[] {
  const blocks: string[][] = [];
  let block: string[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (line.trim() === '' && !fenced) {
      if (block.length > 0) blocks.push(block);
      block = [];
      continue;
    }
    block.push(line);
  }
  if (block.length > 0) blocks.push(block);

  const out: Segment[] = [];
  let previous: string[] | undefined;
  for (const lines of blocks) {
    const display =
      lines.every((line) => /^ {2,3}\S/.test(line) && !listItem.test(line)) &&
      !(previous?.[0] !== undefined && listItem.test(previous[0]));
    const last = out.at(-1);
    if (display) out.push({ kind: 'display', lines });
    else if (last?.kind === 'markdown')
      out[out.length - 1] = { kind: 'markdown', lines: [...last.lines, '', ...lines] };
    else out.push({ kind: 'markdown', lines });
    previous = lines;
  }
  return out;
}
