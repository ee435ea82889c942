// The plots' pages, fitted: one plot per page, its chart as tall as the rows allow, so that a
// plot fits 80×24 and grows with a taller terminal. Pure; PlotsView.tsx draws it.
import { renderPlot, renderPlots } from '../../plot/render.js';
import type { Plot, PlotResult } from '../../plot/types.js';
import { plotPageCount } from './reducer.js';

/** One page of the plots, fitted. */
export interface PlotPage {
  /** The page shown (0-based, within range) and how many there are. */
  readonly page: number;
  readonly pages: number;
  /** Its lines, at most the rows asked for; ANSI colours only when asked for. */
  readonly lines: readonly string[];
}

export interface PlotPageOptions {
  /** Columns to draw in: the terminal's width. */
  readonly width: number;
  /** Rows the page may take. */
  readonly rows: number;
  /** ANSI colours: only on a terminal that shows them (Ink passes the codes through as text). */
  readonly color: boolean;
}

// Rows of the chart itself: fewer says nothing; more is hard to read across.
const minChart = 3;
const maxChart = 24;

/** Page `page` of `result` (clamped to the pages there are). */
export function plotPage(result: PlotResult, page: number, options: PlotPageOptions): PlotPage {
  const pages = plotPageCount(result);
  const shown = Math.min(Math.max(0, page), pages - 1);
  const plot = result.plots[shown];
  // None could be computed, for one reason or several: said once, on one page.
  if (result.status === 'failed' || !plot) {
    const text = renderPlots(result, { width: options.width, color: options.color });
    return { page: shown, pages, lines: cut(text.split('\n'), options.rows) };
  }
  return { page: shown, pages, lines: fitPlot(plot, options) };
}

/** The plot with the tallest chart that fits `rows`, or cut with a note when none does. */
export function fitPlot(plot: Plot, options: PlotPageOptions): string[] {
  const draw = (height: number) =>
    renderPlot(plot, { width: options.width, height, color: options.color }).split('\n');
  const smallest = draw(minChart);
  if (plot.kind === 'failed') return cut(smallest, options.rows);
  // What is not chart (title, axes, legend, notes, caption) does not depend on the chart's
  // height; rounding can add a row, hence the loop.
  let height = Math.min(maxChart, minChart + options.rows - smallest.length);
  let lines = smallest;
  while (height > minChart) {
    lines = draw(height);
    if (lines.length <= options.rows) break;
    height--;
    lines = smallest;
  }
  return cut(lines, options.rows);
}

function cut(lines: readonly string[], rows: number): string[] {
  if (lines.length <= rows) return [...lines];
  const hidden = lines.length - rows + 1;
  return [
    ...lines.slice(0, Math.max(0, rows - 1)),
    `… ${hidden} more row${hidden === 1 ? '' : 's'}: a taller terminal shows the whole plot`,
  ];
}
