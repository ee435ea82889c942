import { describe, expect, it } from 'vitest';
import { plotDefinitions } from '../../../../src/plot/definitions.js';
import type { Plot, PlotDefinition, PlotResult } from '../../../../src/plot/types.js';
import { fitPlot, plotPage } from '../../../../src/ui/plots/plot-view.js';

const definition = plotDefinitions.sigmoid?.[0] as PlotDefinition;
const sigma = (x: number) => 1 / (1 + Math.exp(-x));
const plot: Plot = {
  kind: 'drawn',
  definition,
  x: definition.x,
  series: definition.series.map((entry) => ({
    ...entry,
    values: Array.from({ length: 41 }, (_, i) => {
      const s = sigma(-10 + i / 2);
      return entry.id.startsWith('slope') ? s * (1 - s) : s;
    }),
  })),
};
const chartRows = (lines: readonly string[]) => lines.filter((line) => /[┤┼]/.test(line)).length;

describe('fitPlot', () => {
  it('draws the tallest chart that fits the rows, up to a readable height', () => {
    const small = fitPlot(plot, { width: 80, rows: 18, color: false });
    expect(small.length).toBeLessThanOrEqual(18);
    expect(small.length).toBeGreaterThanOrEqual(16);
    const tall = fitPlot(plot, { width: 80, rows: 40, color: false });
    expect(tall.length).toBeLessThanOrEqual(40);
    expect(chartRows(tall)).toBeGreaterThan(chartRows(small));
    expect(chartRows(fitPlot(plot, { width: 80, rows: 200, color: false }))).toBeLessThanOrEqual(
      26,
    );
  });

  it('cuts a plot that cannot fit, and says so', () => {
    const lines = fitPlot(plot, { width: 80, rows: 6, color: false });
    expect(lines).toHaveLength(6);
    expect(lines.at(-1)).toMatch(/^… \d+ more rows: a taller terminal shows the whole plot$/);
  });
});

describe('plotPage', () => {
  const result = (status: PlotResult['status'], plots: readonly Plot[]): PlotResult => ({
    taskId: 'sigmoid',
    file: '01-sigmoid.ts',
    status,
    plots,
    output: { text: '', droppedBytes: 0 },
    durationMs: 1,
  });

  it('clamps the page to the plots there are', () => {
    const page = plotPage(result('drawn', [plot, plot]), 5, { width: 80, rows: 20, color: false });
    expect([page.page, page.pages]).toEqual([1, 2]);
  });

  it('says once why none could be drawn', () => {
    const failed: Plot = { kind: 'failed', definition, error: '01-sigmoid.ts does not compile.' };
    const page = plotPage(result('failed', [failed]), 0, { width: 80, rows: 20, color: false });
    expect(page.pages).toBe(1);
    expect(page.lines.join('\n')).toContain('No plots of 01-sigmoid.ts yet:');
    expect(page.lines.join('\n')).toContain('01-sigmoid.ts does not compile.');
  });
});
