// Drawing a computed plot as text: exact charts at fixed widths, NaN and Infinity drawn as
// gaps and clipped values with notes, the width respected, and no ANSI codes without colour.
import { stripVTControlCharacters } from 'node:util';
import * as asciichart from 'asciichart';
import { describe, expect, it } from 'vitest';
import { plotDefinitions } from '../../../src/plot/definitions.js';
import {
  formatPlotNumber,
  renderPlot,
  renderPlots,
  resample,
  wrap,
} from '../../../src/plot/render.js';
import type {
  Plot,
  PlotDefinition,
  PlotResult,
  SeriesData,
  XAxis,
  YAxis,
} from '../../../src/plot/types.js';

const linearX: XAxis = { label: 'x', from: 0, to: 4, scale: 'linear' };

function definition(overrides: Partial<PlotDefinition> = {}): PlotDefinition {
  return {
    id: 'test',
    title: 'A line',
    caption: 'It rises.',
    x: linearX,
    y: { label: 'y', scale: 'linear' },
    series: [],
    ...overrides,
  };
}

function drawn(series: SeriesData[], overrides: { x?: XAxis; y?: YAxis; title?: string } = {}) {
  const plotDefinition = definition({
    ...(overrides.y ? { y: overrides.y } : {}),
    ...(overrides.title ? { title: overrides.title } : {}),
    series,
  });
  return {
    kind: 'drawn',
    definition: plotDefinition,
    x: overrides.x ?? linearX,
    series,
  } satisfies Plot;
}

function student(values: number[], name = 'yours'): SeriesData {
  return { id: name, name, source: 'student', values };
}

function reference(values: number[], name = 'reference'): SeriesData {
  return { id: name, name, source: 'reference', values };
}

const plain = { color: false } as const;

describe('renderPlot', () => {
  it('draws a rising line with its labels, axes, legend and caption', () => {
    const text = renderPlot(drawn([student([0, 1, 2, 3, 4])]), { ...plain, width: 30, height: 4 });
    expect(text).toMatchInlineSnapshot(`
      "A line
      4 ┤                       ╭───
      3 ┤                ╭──────╯
      2 ┤          ╭─────╯
      1 ┤   ╭──────╯
      0 ┼───╯
        └───────────────────────────
        0             2            4
      x: x from 0 to 4 · y: y,
      linear
      ── yours
      It rises."
    `);
  });

  it("describes the student's own gradient-descent loss: falling, rising, or neither", () => {
    const [lossPlot] = plotDefinitions['gd-step'] ?? [];
    if (!lossPlot) throw new Error('gd-step has a loss plot');
    const caption = (values: number[]) =>
      renderPlot(
        {
          kind: 'drawn',
          definition: lossPlot,
          x: lossPlot.x,
          series: [student(values), reference([0.7, 0.5, 0.47])],
        },
        { ...plain, width: 400, height: 4 },
      )
        .split('\n')
        .at(-1);
    expect(caption([0.7, 0.5, 0.47])).toMatch(/^The loss of your iterates falls fast/);
    const rising = caption([0.7, 0.9, 1.4]);
    expect(rising).toMatch(/^Your loss rises: your steps go uphill\./);
    expect(rising).not.toContain('your iterates falls');
    expect(caption([0.7, 0.9, Number.POSITIVE_INFINITY])).toMatch(/^Your loss rises/);
    expect(caption([0.7, 0.7])).toMatch(/^Your loss does not fall/);
    expect(caption([0.7, 0.5, Number.NaN])).toMatch(/^Your loss does not fall/);
  });

  it('puts the student line over the reference, dashed beside it where they part', () => {
    const text = renderPlot(drawn([student([0, 1, 2, 3, 4]), reference([0, 1, 3, 3, 4])]), {
      ...plain,
      width: 30,
      height: 4,
    });
    expect(text).toMatchInlineSnapshot(`
      "A line
      4 ┤                       ╭───
      3 ┤           ╭┄┄┄┄╭──────╯
      2 ┤        ╭┄╭─────╯
      1 ┤   ╭──────╯
      0 ┼───╯
        └───────────────────────────
        0             2            4
      x: x from 0 to 4 · y: y,
      linear
      ── yours   ┄┄ reference
      It rises."
    `);
  });

  it('draws NaN as a gap and Infinity at the top edge, each with a note', () => {
    const plot = drawn([
      student([0, 1, Number.NaN, 3, 4]),
      reference([0, 1, 2, 3, Number.POSITIVE_INFINITY]),
    ]);
    const text = renderPlot(plot, { ...plain, width: 40, height: 4 });
    expect(text).toMatchInlineSnapshot(`
      "A line
      4 ┤                                ╭────
      3 ┤                       ╭────────╯
      2 ┤             ╭┄┄┄┄┄┄┄┄┄╯
      1 ┤    ╭────────╯
      0 ┼────╯
        └─────────────────────────────────────
        0                  2                 4
      x: x from 0 to 4 · y: y, linear
      ── yours   ┄┄ reference
      Note: yours: NaN at x = 2, drawn as a
        gap.
      Note: reference: Infinity at x = 4,
        drawn at the top edge.
      It rises."
    `);
  });

  it('survives a series that is NaN everywhere, constant, empty or ±Infinity', () => {
    for (const values of [
      [Number.NaN, Number.NaN, Number.NaN],
      [2, 2, 2, 2],
      [],
      [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1],
      [1e300, -1e300, 0],
      [1.7e308, -1.7e308, 0],
      [0.5, 0.5 + 1e-16, 0.5 - 1e-16],
    ]) {
      const text = renderPlot(drawn([student(values)]), { ...plain, width: 40 });
      expect(text.split('\n').filter((line) => /[┤┼]/.test(line)).length, `${values}`).toBe(11);
      expect(text).not.toContain('undefined');
      expect(text).not.toMatch(/\bNaN ┤/);
    }
  });

  it('says how many values were NaN and where the first one is', () => {
    const values = Array.from({ length: 21 }, (_, i) => (i >= 15 ? Number.NaN : i));
    const x: XAxis = { label: 'z', from: -10, to: 10, scale: 'linear' };
    const text = renderPlot(drawn([student(values, 'σ(z), yours')], { x }), {
      ...plain,
      width: 100,
    });
    expect(text).toContain(
      'Note: σ(z), yours: NaN at 6 of 21 points (first at z\u00a0=\u00a05), drawn as a gap.',
    );
  });

  it('keeps a single NaN visible when a long series is squeezed into a few columns', () => {
    const values = Array.from({ length: 1001 }, (_, i) => (i === 500 ? Number.NaN : 1));
    const text = renderPlot(drawn([student(values)]), { ...plain, width: 40, height: 4 });
    const chartRows = text.split('\n').slice(1, 6).join('\n');
    // A flat line with a hole in it.
    expect(chartRows).toMatch(/─ +─/);
    expect(text).toContain('NaN at x\u00a0=\u00a02');
  });

  it('clips finite values beyond the axis clip silently, and says so on the axis line', () => {
    const y: YAxis = { label: 'loss', scale: 'linear', clip: { max: 8 } };
    const text = renderPlot(drawn([student([27.6, 4, 1, 0.5, 0])], { y }), {
      ...plain,
      width: 60,
      height: 4,
    });
    // Clipped before resampling: the line leaves the edge at once instead of running along it.
    expect(text.split('\n')[1]).toMatch(/^8 ┤─{0,3}╮$/);
    expect(text).toContain('y: loss, linear, clipped above 8');
    expect(text).not.toContain('Note:');
  });

  it('draws a log₁₀ axis with powers of ten, and notes values ≤ 0 that have no log', () => {
    const x: XAxis = { label: 'eps', from: 1e-1, to: 1e-13, scale: 'log10' };
    const y: YAxis = { label: 'error', scale: 'log10' };
    const values = [1e-2, 1e-6, 1e-10, 1e-6, 0];
    const text = renderPlot(drawn([student(values)], { x, y }), {
      ...plain,
      width: 50,
      height: 4,
    });
    expect(text).toMatchInlineSnapshot(`
      "A line
       1e−2 ┤──╮
       1e−4 ┤  ╰─────╮
       1e−6 ┤        ╰────╮               ╭───────╮
       1e−8 ┤             ╰────╮     ╭────╯       │
      1e−10 ┤                  ╰─────╯            ╰─────
            └───────────────────────────────────────────
            1e−1                 1e−7              1e−13
      x: eps from 1e−1 to 1e−13, log₁₀ · y: error, log₁₀
      ── yours
      Note: yours: 0 or less at eps = 1e−13, which has
        no logarithm: drawn at the bottom edge.
      It rises."
    `);
  });

  it('with a clip below on a log axis, draws values ≤ 0 at the floor without a note', () => {
    const y: YAxis = { label: 'L − L*', scale: 'log10', clip: { min: 1e-14 } };
    const text = renderPlot(drawn([student([1, 1e-3, 1e-9, 0, -1e-17])], { y }), {
      ...plain,
      width: 40,
      height: 4,
    });
    expect(text).toContain('clipped below 1e−14');
    expect(text).not.toContain('Note:');
    expect(text.split('\n')[5]).toMatch(/^ *1e−14 ┤.*─+$/);
  });

  it('includes the axis’s `include` values in the range (0 for curvature)', () => {
    const y: YAxis = { label: 'vᵀHv', scale: 'linear', include: [0] };
    const text = renderPlot(drawn([student([0.05, 0.1, 0.15])], { y }), {
      ...plain,
      width: 40,
      height: 4,
    });
    expect(text.split('\n')[5]).toMatch(/^0\.00 ┼/);
  });

  it('fits every line in the width, down to 30 columns', () => {
    const plot = drawn(
      [
        student([0, 1, Number.NaN, 3, 4], 'σ(z), yours, with a long legend entry'),
        student([4, 3, 2, Number.POSITIVE_INFINITY, 0], 'σ′(z) = σ(1 − σ) from yours'),
        reference([0, 1, 2, 3, 4], 'σ(z), reference'),
      ],
      { title: 'σ(z) and its slope σ′(z) = σ(z)(1 − σ(z)), a title longer than the screen' },
    );
    for (const width of [30, 47, 80, 120]) {
      for (const color of [false, true]) {
        const lines = renderPlot(plot, { width, color }).split('\n');
        for (const line of lines)
          expect(stripVTControlCharacters(line).length).toBeLessThanOrEqual(width);
        // The chart itself spans the full width.
        expect(Math.max(...lines.map((line) => stripVTControlCharacters(line).length))).toBe(width);
      }
    }
  });

  it('has the requested number of chart rows', () => {
    const text = renderPlot(drawn([student([0, 5, 10])]), { ...plain, width: 40, height: 6 });
    const rows = text.split('\n').filter((line) => /[┤┼]/.test(line));
    expect(rows).toHaveLength(7);
  });

  it('writes no ANSI codes without colour, and the same picture with colour', () => {
    const plot = drawn([student([0, 1, 2, 3, 4]), reference([4, 3, 2, 1, 0])]);
    const mono = renderPlot(plot, { width: 40, color: false });
    const colored = renderPlot(plot, { width: 40, color: true });
    expect(mono).not.toContain('\u001b');
    expect(colored).toContain(`${asciichart.blue}──`);
    expect(colored).toContain(asciichart.darkgray);
    expect(stripVTControlCharacters(colored)).toBe(
      mono.replace('── yours', '── yours (blue)').replace('┄┄ reference', '┄┄ reference (grey)'),
    );
  });

  it('gives each line of a plot its own glyphs, so the legend works without colour', () => {
    const plot = drawn([
      student([0, 1, 2], 'first'),
      student([2, 1, 0], 'second'),
      student([1, 1, 1], 'third'),
      reference([0, 2, 0], 'ref one'),
      reference([2, 0, 2], 'ref two'),
    ]);
    const text = renderPlot(plot, { ...plain, width: 100 });
    expect(text).toContain('── first   ━━ second   ══ third   ┄┄ ref one   ·· ref two');
  });

  it('shows why a plot could not be drawn, under its title', () => {
    const plot: Plot = {
      kind: 'failed',
      definition: definition({ title: 'σ(z)' }),
      error: 'tried:    sigmoid(z (201 values))\ngot:      it threw Error: boom',
    };
    expect(renderPlot(plot, { ...plain, width: 60 })).toBe(
      [
        'σ(z)',
        'Could not draw this plot. tried:    sigmoid(z (201 values))',
        'got:      it threw Error: boom',
      ].join('\n'),
    );
  });
});

describe('renderPlots', () => {
  const result = (plots: Plot[], status: PlotResult['status']): PlotResult => ({
    taskId: 'gd-step',
    file: '07-gd-step.ts',
    status,
    plots,
    output: { text: '', droppedBytes: 0 },
    durationMs: 1,
  });

  it('says a reason shared by every plot once, listing what will be drawn', () => {
    const error = 'Not implemented yet: 07-gd-step.ts still throws the starter’s TODO.';
    const plots: Plot[] = [
      { kind: 'failed', definition: definition({ title: 'Loss' }), error },
      { kind: 'failed', definition: definition({ title: '‖w‖' }), error },
    ];
    expect(renderPlots(result(plots, 'failed'), { ...plain, width: 80 })).toBe(
      ['No plots of 07-gd-step.ts yet:', '· Loss', '· ‖w‖', '', error].join('\n'),
    );
  });

  it('draws the plots that could be drawn and explains the others', () => {
    const plots: Plot[] = [
      drawn([student([0, 1, 2])], { title: 'Loss' }),
      { kind: 'failed', definition: definition({ title: '‖w‖' }), error: 'got: a string' },
    ];
    const text = renderPlots(result(plots, 'partial'), { ...plain, width: 60 });
    expect(text).toContain('── yours');
    expect(text).toContain('‖w‖\nCould not draw this plot. got: a string');
  });
});

describe('resample', () => {
  it('interpolates linearly when stretching', () => {
    expect(resample([0, 2], 5)).toEqual([0, 0.5, 1, 1.5, 2]);
  });

  it('picks evenly spaced values when squeezing', () => {
    expect(resample([0, 1, 2, 3, 4, 5, 6, 7, 8], 3)).toEqual([0, 4, 8]);
  });

  it('lets a NaN or Infinity win the column it falls in', () => {
    const squeezed = resample([0, 1, 2, Number.NaN, 4, 5, 6, 7, 8], 3);
    expect(squeezed[1]).toBeNaN();
    expect(resample([0, 1, Number.POSITIVE_INFINITY, 3, 4], 3)[1]).toBe(Number.POSITIVE_INFINITY);
  });

  it('takes the nearer neighbour beside a non-finite value when stretching', () => {
    const stretched = resample([0, Number.NaN], 5);
    expect(stretched.slice(0, 2)).toEqual([0, 0]);
    expect(stretched.slice(2).every(Number.isNaN)).toBe(true);
  });

  it('handles one value and none', () => {
    expect(resample([3], 3)).toEqual([3, 3, 3]);
    expect(resample([], 2).every(Number.isNaN)).toBe(true);
  });
});

describe('formatPlotNumber and wrap', () => {
  it('writes a real minus sign, and powers of ten on log axes', () => {
    expect(formatPlotNumber(-10)).toBe('−10');
    expect(formatPlotNumber(0.1, 'log10')).toBe('1e−1');
    expect(formatPlotNumber(1e-13, 'log10')).toBe('1e−13');
    expect(formatPlotNumber(10 ** -7.5, 'log10')).toBe('3.2e−8');
  });

  it('wraps at spaces and keeps long words whole', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('abcdefghijkl x', 5)).toEqual(['abcdefghijkl', 'x']);
    expect(wrap('a b\nc', 10, '  ')).toEqual(['a b', 'c']);
  });
});
