// Draws a computed plot as text: asciichart lines on a shared grid, sized to a given width,
// with title, axes, legend and notes. NaN becomes a gap and ±Infinity is clipped to the edge,
// each with a note, so a broken student function is drawn instead of breaking the screen.
import * as asciichart from 'asciichart';
import { formatNumber } from '../engine/format.js';
import type { Plot, PlotDefinition, PlotResult, Scale, SeriesData, XAxis, YAxis } from './types.js';

/** How to draw. */
export interface RenderOptions {
  /** Columns available, y labels included: the terminal's width. */
  readonly width: number;
  /** Rows of the chart area (default 10). */
  readonly height?: number;
  /** ANSI colours. Only on a TTY without NO_COLOR: Ink and pipes pass the codes through as text. */
  readonly color: boolean;
}

export const defaultHeight = 10;
/** Below this many data columns a chart says nothing; it is drawn wider than asked instead. */
const minColumns = 16;

// --- styles -----------------------------------------------------------------------------

/** asciichart's symbols: axis, first value, …, horizontal, four corners, vertical. */
type Symbols = [string, string, string, string, string, string, string, string, string, string];

interface Style {
  readonly symbols: Symbols;
  readonly color: string;
  readonly colorName: string;
  /** Shown in the legend: two of the line's own horizontal glyph. */
  readonly marker: string;
}

function style(glyphs: string, color: string, colorName: string): Style {
  const [horizontal = '─', down = '╰', up = '╭', top = '╮', bottom = '╯', vertical = '│'] =
    Array.from(glyphs);
  return {
    symbols: ['┼', '┤', '╶', '╴', horizontal, down, up, top, bottom, vertical],
    color,
    colorName,
    marker: horizontal.repeat(2),
  };
}

// Each line has its own glyphs as well as its own colour, so the legend still works without
// colour (NO_COLOR, pipes, tests) and for readers who cannot tell blue from green.
const studentStyles: readonly Style[] = [
  style('─╰╭╮╯│', asciichart.blue, 'blue'),
  style('━┗┏┓┛┃', asciichart.green, 'green'),
  style('═╚╔╗╝║', asciichart.magenta, 'magenta'),
];
const referenceStyles: readonly Style[] = [
  style('┄╰╭╮╯┆', asciichart.darkgray, 'grey'),
  style('······', asciichart.darkgray, 'grey'),
];

function stylesOf(series: readonly SeriesData[]): Style[] {
  let students = 0;
  let references = 0;
  return series.map((entry) =>
    entry.source === 'student'
      ? (studentStyles[students++ % studentStyles.length] as Style)
      : (referenceStyles[references++ % referenceStyles.length] as Style),
  );
}

// --- numbers ----------------------------------------------------------------------------

/** A value on the axis's scale: log₁₀ of it, with 0 and below at −Infinity. NaN stays NaN. */
function toScale(value: number, scale: Scale): number {
  if (scale === 'linear' || Number.isNaN(value)) return value;
  return value > 0 ? Math.log10(value) : Number.NEGATIVE_INFINITY;
}

/** A number as the plot shows it: short, with a real minus sign; powers of ten on log axes. */
export function formatPlotNumber(x: number, scale: Scale = 'linear'): string {
  const text =
    scale === 'log10' && x > 0 ? Number(x.toPrecision(2)).toExponential() : formatNumber(x);
  return text.replace(/^-/, '−').replace('e-', 'e−').replace('e+', 'e');
}

/** The x value of sample `index` of `count` samples evenly spaced on the axis. */
function xAt(x: XAxis, index: number, count: number): number {
  const fraction = count > 1 ? index / (count - 1) : 0;
  if (x.scale === 'linear') return x.from + (x.to - x.from) * fraction;
  const from = Math.log10(x.from);
  return 10 ** (from + (Math.log10(x.to) - from) * fraction);
}

/**
 * `values` resampled to `count` evenly spaced points by linear interpolation. A NaN or ±Infinity
 * among the points a sample stands for wins over the interpolation, so a single bad value in a
 * long series still shows after downsampling.
 */
export function resample(values: readonly number[], count: number): number[] {
  const n = values.length;
  if (n === 0) return new Array<number>(count).fill(Number.NaN);
  if (n === 1 || count === 1) return new Array<number>(count).fill(values[0] as number);
  const step = (n - 1) / (count - 1);
  const out: number[] = [];
  for (let j = 0; j < count; j++) {
    // Multiplied before dividing, so a sample that falls on a value lands on it exactly.
    const position = (j * (n - 1)) / (count - 1);
    const first = Math.max(0, Math.ceil(position - step / 2 - 1e-9));
    const last = Math.min(n - 1, Math.floor(position + step / 2 + 1e-9));
    let bad: number | undefined;
    for (let i = first; i <= last; i++) {
      const v = values[i] as number;
      if (Number.isNaN(v)) {
        bad = v;
        break;
      }
      if (!Number.isFinite(v)) bad ??= v;
    }
    if (bad !== undefined) {
      out.push(bad);
      continue;
    }
    const i0 = Math.min(Math.floor(position), n - 1);
    const i1 = Math.min(i0 + 1, n - 1);
    const fraction = position - i0;
    const a = values[i0] as number;
    const b = values[i1] as number;
    if (Number.isFinite(a) && Number.isFinite(b)) out.push(a + (b - a) * fraction);
    else out.push(fraction < 0.5 ? a : b);
  }
  return out;
}

// --- what the axes and notes say --------------------------------------------------------

function clipMin(y: YAxis): number {
  return y.clip?.min === undefined ? Number.NEGATIVE_INFINITY : toScale(y.clip.min, y.scale);
}

function clipMax(y: YAxis): number {
  return y.clip?.max === undefined ? Number.POSITIVE_INFINITY : toScale(y.clip.max, y.scale);
}

function axisLine(x: XAxis, y: YAxis): string {
  const log = 'log₁₀';
  const range = `${formatPlotNumber(x.from, x.scale)} to ${formatPlotNumber(x.to, x.scale)}`;
  const xPart = `x: ${x.label} from ${range}${x.scale === 'log10' ? `, ${log}` : ''}`;
  const clips: string[] = [];
  if (y.clip?.min !== undefined) clips.push(`clipped below ${formatPlotNumber(y.clip.min)}`);
  if (y.clip?.max !== undefined) clips.push(`clipped above ${formatPlotNumber(y.clip.max)}`);
  const yPart = [`y: ${y.label}`, y.scale === 'log10' ? log : 'linear', ...clips].join(', ');
  return `${xPart} · ${yPart}`;
}

/** Plain words for the values that cannot be drawn as they are. */
function notesFor(series: SeriesData, x: XAxis, y: YAxis): string[] {
  const { values } = series;
  const kinds: { test: (v: number) => boolean; what: string; how: string }[] = [
    { test: Number.isNaN, what: 'NaN', how: 'drawn as a gap' },
    {
      test: (v) => v === Number.POSITIVE_INFINITY,
      what: 'Infinity',
      how: 'drawn at the top edge',
    },
    {
      test: (v) => v === Number.NEGATIVE_INFINITY,
      what: '−Infinity',
      how: 'drawn at the bottom edge',
    },
  ];
  if (y.scale === 'log10' && y.clip?.min === undefined) {
    kinds.push({
      test: (v) => Number.isFinite(v) && v <= 0,
      what: '0 or less',
      how: 'which has no logarithm: drawn at the bottom edge',
    });
  }
  const notes: string[] = [];
  for (const kind of kinds) {
    const indices = values.flatMap((v, i) => (kind.test(v) ? [i] : []));
    const firstIndex = indices[0];
    if (firstIndex === undefined) continue;
    // No-break spaces: a wrapped note must not split `z = 0.5` across lines.
    const where = `${x.label}\u00a0=\u00a0${formatPlotNumber(xAt(x, firstIndex, values.length), x.scale)}`;
    const count =
      indices.length === 1
        ? `at ${where}`
        : `at ${indices.length} of ${values.length} points (first at ${where})`;
    notes.push(`${series.name}: ${kind.what} ${count}, ${kind.how}.`);
  }
  return notes;
}

/** The y range to draw: every finite value (clipped), the axis's `include`, never empty. */
function yRange(series: readonly number[][], y: YAxis): { low: number; high: number } {
  const floor = clipMin(y);
  const ceiling = clipMax(y);
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  const take = (v: number) => {
    const clipped = Math.min(Math.max(v, floor), ceiling);
    if (!Number.isFinite(clipped)) return;
    low = Math.min(low, clipped);
    high = Math.max(high, clipped);
  };
  for (const values of series) for (const v of values) if (!Number.isNaN(v)) take(v);
  for (const v of y.include ?? []) take(toScale(v, y.scale));
  if (low > high) return { low: 0, high: 1 };
  // Flat up to rounding: drawn flat, not as rounding noise blown up to the full height.
  if (high - low <= 1e-9 * Math.max(Math.abs(low), Math.abs(high))) {
    const middle = (low + high) / 2;
    const pad = middle === 0 ? 1 : Math.abs(middle) / 10;
    return { low: middle - pad, high: middle + pad };
  }
  // A span beyond the largest double (±1.7e308 both) would make every row the same.
  if (!Number.isFinite(high - low))
    return { low: Math.max(low, -1e307), high: Math.min(high, 1e307) };
  return { low, high };
}

/**
 * One label per chart row, top first: the value at the row's centre. A value v is drawn on
 * the row round(v·ratio) (asciichart's rule), so row k stands for k/ratio and the row of 0
 * reads 0, not a neighbour of it.
 */
function rowLabels(high: number, ratio: number, rows: number, scale: Scale): string[] {
  const top = Math.round(high * ratio);
  const values = Array.from({ length: rows + 1 }, (_, i) => (top - i) / ratio);
  const clean = (text: string) => text.replace(/^-(0(\.0*)?)$/, '$1').replace(/-/g, '−');
  if (scale === 'log10') {
    return values.map((v) => formatPlotNumber(10 ** v, 'log10'));
  }
  const magnitude = Math.max(...values.map(Math.abs));
  if (magnitude >= 1e5 || magnitude < 1e-3) {
    return values.map((v) => clean(v.toExponential(1).replace('e+', 'e')));
  }
  const decimals = Math.min(6, Math.max(0, Math.ceil(Math.log10(ratio))));
  return values.map((v) => clean(v.toFixed(decimals)));
}

// --- the grid ---------------------------------------------------------------------------

interface Cell {
  readonly char: string;
  readonly style: Style | undefined;
}

/**
 * Draws one series into `grid` (rows + 1 lines of `columns` cells): asciichart draws each
 * unbroken run of values, on the shared min/max/height so every run lands on the same rows.
 */
function drawSeries(
  grid: Cell[][],
  values: readonly (number | undefined)[],
  frame: { low: number; high: number; height: number; rows: number },
  style: Style,
): void {
  const columns = grid[0]?.length ?? 0;
  const ratio = frame.height / (frame.high - frame.low);
  const bottom = Math.round(frame.low * ratio);
  let start = 0;
  while (start < values.length) {
    if (values[start] === undefined) {
      start++;
      continue;
    }
    let end = start;
    while (end + 1 < values.length && values[end + 1] !== undefined) end++;
    const run = values.slice(start, end + 1) as number[];
    if (run.length === 1) {
      // A lone value between gaps has no segment to draw: mark it with a dash.
      const row = frame.rows - (Math.round((run[0] as number) * ratio) - bottom);
      const cells = grid[row];
      if (cells) cells[Math.min(start, columns - 1)] = { char: style.symbols[4], style };
    } else {
      const lines = asciichart
        .plot(run, {
          min: frame.low,
          max: frame.high,
          height: frame.height,
          offset: 1,
          format: () => ' ',
          symbols: style.symbols,
        })
        .split('\n');
      // Column 0 of asciichart's output is its axis; column c ≥ 1 joins values c − 1 and c.
      lines.forEach((line, row) => {
        const cells = grid[row];
        if (!cells) return;
        for (let c = 1; c < run.length; c++) {
          const char = line[c];
          if (char !== undefined && char !== ' ') cells[start + c - 1] = { char, style };
        }
      });
    }
    start = end + 1;
  }
}

function paint(text: string, style: Style | undefined, color: boolean): string {
  return color && style ? `${style.color}${text}${asciichart.reset}` : text;
}

function rowText(cells: readonly Cell[], color: boolean): string {
  let out = '';
  let index = 0;
  while (index < cells.length) {
    const style = cells[index]?.style;
    let run = '';
    while (index < cells.length && cells[index]?.style === style) {
      run += cells[index]?.char ?? ' ';
      index++;
    }
    out += paint(run, style, color);
  }
  return out;
}

// --- text ---------------------------------------------------------------------------------

/** Breaks `text` at spaces into lines of at most `width` columns (longer words stay whole). */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (line !== '' && candidate.length > width) {
        lines.push(line);
        line = `${indent}${word}`;
      } else {
        line = candidate;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Legend entries packed onto as few lines as fit. */
function legendLines(
  series: readonly SeriesData[],
  styles: readonly Style[],
  width: number,
  color: boolean,
): string[] {
  const lines: string[] = [];
  let line = '';
  let length = 0;
  series.forEach((entry, index) => {
    const style = styles[index] as Style;
    const label = `${entry.name}${color ? ` (${style.colorName})` : ''}`;
    const itemLength = style.marker.length + 1 + label.length;
    const marker = paint(style.marker, style, color);
    if (itemLength > width) {
      // Too long for any line: on lines of its own, wrapped under its marker.
      if (length > 0) lines.push(line);
      const [first = '', ...rest] = wrap(label, width - style.marker.length - 1);
      lines.push(
        `${marker} ${first}`,
        ...rest.map((part) => `${' '.repeat(style.marker.length + 1)}${part}`),
      );
      line = '';
      length = 0;
      return;
    }
    const item = `${marker} ${label}`;
    if (length > 0 && length + 3 + itemLength > width) {
      lines.push(line);
      line = '';
      length = 0;
    }
    line += length > 0 ? `   ${item}` : item;
    length += (length > 0 ? 3 : 0) + itemLength;
  });
  if (length > 0) lines.push(line);
  return lines;
}

/** The x axis under the chart: a rule, then the first, middle and last x values. */
function xAxisLines(x: XAxis, indent: number, columns: number): string[] {
  const rule = `${' '.repeat(indent)}└${'─'.repeat(columns)}`;
  const first = formatPlotNumber(x.from, x.scale);
  const last = formatPlotNumber(x.to, x.scale);
  const middle = formatPlotNumber(xAt(x, 1, 3), x.scale);
  const chars = Array.from({ length: indent + 1 + columns }, () => ' ');
  const put = (text: string, at: number) => {
    Array.from(text).forEach((char, i) => {
      chars[at + i] = char;
    });
  };
  put(first, indent);
  const lastAt = indent + 1 + columns - last.length;
  put(last, lastAt);
  const middleAt = indent + 1 + Math.round(columns / 2 - middle.length / 2);
  if (middleAt > indent + first.length + 2 && middleAt + middle.length + 2 < lastAt)
    put(middle, middleAt);
  return [rule, chars.join('').trimEnd()];
}

// --- the plot ----------------------------------------------------------------------------

/**
 * A plot as text, at most `width` columns wide (a chart narrower than 16 data columns is drawn
 * at 16): title, chart with y labels, x axis, axis line, legend, notes and caption.
 * Without `color` the text holds no ANSI codes.
 */
export function renderPlot(plot: Plot, options: RenderOptions): string {
  const { width, color } = options;
  const height = Math.max(2, Math.round(options.height ?? defaultHeight));
  const { definition } = plot;
  const lines = wrap(definition.title, width);
  if (plot.kind === 'failed') {
    lines.push(...wrap(`Could not draw this plot. ${plot.error}`, width));
    return lines.join('\n');
  }

  const { x, series } = plot;
  const { y } = definition;
  const scaled = series.map((entry) => entry.values.map((v) => toScale(v, y.scale)));
  const { low, high } = yRange(scaled, y);
  const ratio = height / (high - low);
  const rows = Math.round(high * ratio) - Math.round(low * ratio);
  const labels = rowLabels(high, ratio, rows, y.scale);
  const labelWidth = Math.max(...labels.map((label) => label.length));
  const columns = Math.max(minColumns, width - labelWidth - 2);

  const floor = Math.max(clipMin(y), low);
  const ceiling = Math.min(clipMax(y), high);
  const grid: Cell[][] = Array.from({ length: rows + 1 }, () =>
    Array.from({ length: columns }, () => ({ char: ' ', style: undefined })),
  );
  const styles = stylesOf(series);
  // References first and the first student line last, so the student's line is on top.
  const order = series
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) =>
      a.entry.source === b.entry.source
        ? a.entry.source === 'student'
          ? b.index - a.index
          : a.index - b.index
        : a.entry.source === 'reference'
          ? -1
          : 1,
    );
  for (const { index } of order) {
    // Clipped before resampling, so a line from a clipped value does not run along the edge.
    const clipped = (scaled[index] ?? []).map((v) =>
      Number.isFinite(v) ? Math.min(Math.max(v, clipMin(y)), clipMax(y)) : v,
    );
    const values = resample(clipped, columns + 1).map((v) =>
      Number.isNaN(v) ? undefined : Math.min(Math.max(v, floor), ceiling),
    );
    drawSeries(grid, values, { low, high, height, rows }, styles[index] as Style);
  }

  const zeroRow =
    y.scale === 'linear' && low <= 0 && high >= 0 ? rows + Math.round(low * ratio) : -1;
  grid.forEach((cells, row) => {
    const label = (labels[row] ?? '').padStart(labelWidth);
    lines.push(`${label} ${row === zeroRow ? '┼' : '┤'}${rowText(cells, color)}`.trimEnd());
  });
  lines.push(...xAxisLines(x, labelWidth + 1, columns));
  lines.push(...wrap(axisLine(x, y), width));
  lines.push(...legendLines(series, styles, width, color));
  for (const entry of series) {
    for (const note of notesFor(entry, x, y)) lines.push(...wrap(`Note: ${note}`, width, '  '));
  }
  lines.push(...wrap(captionFor(definition, series), width));
  return lines.join('\n');
}

/** The caption that describes the student's own line (see `unlessFalling`). */
function captionFor(definition: PlotDefinition, series: readonly SeriesData[]): string {
  const instead = definition.unlessFalling;
  const values = series.find((entry) => entry.source === 'student')?.values ?? [];
  const first = values[0];
  const last = values[values.length - 1];
  if (!instead || first === undefined || last === undefined) return definition.caption;
  if (Number.isFinite(first) && Number.isFinite(last) && last < first) return definition.caption;
  return !Number.isNaN(first) && !Number.isNaN(last) && last > first
    ? instead.rising
    : instead.otherwise;
}

/**
 * Every plot of a run, one after another. When none could be computed for one reason (the file
 * does not compile, the starter's TODO is still there), that reason is said once.
 */
export function renderPlots(result: PlotResult, options: RenderOptions): string {
  const errors = new Set(
    result.plots.flatMap((plot) => (plot.kind === 'failed' ? [plot.error] : [])),
  );
  const [only] = errors;
  if (result.status === 'failed' && errors.size === 1 && only !== undefined) {
    const titles = result.plots.map((plot) => `· ${plot.definition.title}`);
    return [
      ...wrap(`No plots of ${result.file} yet:`, options.width),
      ...titles.flatMap((title) => wrap(title, options.width, '  ')),
      '',
      ...wrap(only, options.width),
    ].join('\n');
  }
  return result.plots.map((plot) => renderPlot(plot, options)).join('\n\n');
}
