// The plots on the task screen: computed after a pass and on `p` (the fake computePlots answers
// when the test says so), drawn with the real renderer on fixed results, one plot per page.
import { afterEach, describe, expect, it } from 'vitest';
import { plotDefinitions } from '../../src/plot/definitions.js';
import type { Plot, PlotDefinition, PlotResult } from '../../src/plot/types.js';
import { type Fake, fakeServices, taskResult } from '../helpers/fake-services.js';
import {
  frame,
  keys,
  press,
  renderOnTask,
  resize,
  unmountAll,
  waitForText,
  waitUntil,
} from '../helpers/ink.js';

afterEach(unmountAll);

const right = '\u001B[C';
const left = '\u001B[D';

const sigmoidPlot = plotDefinitions.sigmoid?.[0] as PlotDefinition;
// A second page: any plot will do for the view.
const secondPlot = plotDefinitions['gd-step']?.[1] as PlotDefinition;

/** A drawn plot whose series are `value(seriesId, x)` at 41 points of its x axis. */
function drawn(definition: PlotDefinition, value: (id: string, x: number) => number): Plot {
  const { from, to } = definition.x;
  const xs = Array.from({ length: 41 }, (_, i) => from + ((to - from) * i) / 40);
  return {
    kind: 'drawn',
    definition,
    x: definition.x,
    series: definition.series.map((entry) => ({
      ...entry,
      values: xs.map((x) => value(entry.id, x)),
    })),
  };
}

const sigma = (x: number) => 1 / (1 + Math.exp(-x));
function sigmoidValues(id: string, x: number): number {
  const s = sigma(x);
  return id.startsWith('slope') ? s * (1 - s) : s;
}

function plotResult(plots: readonly Plot[]): PlotResult {
  return {
    taskId: 'sigmoid',
    file: '01-sigmoid.ts',
    status: 'drawn',
    plots,
    output: { text: '', droppedBytes: 0 },
    durationMs: 12,
  };
}

const twoPlots = plotResult([
  drawn(sigmoidPlot, sigmoidValues),
  drawn(secondPlot, (id, x) => (id === 'separable' ? Math.log1p(x) : 1)),
]);

/** The naive σ: NaN (Infinity/Infinity) for z beyond 5 in this fixture. */
const nanPlots = plotResult([
  drawn(sigmoidPlot, (id, x) => (id.endsWith('Ref') || x < 5 ? sigmoidValues(id, x) : Number.NaN)),
]);

const onTask = (fake: Fake, size?: { columns: number; rows: number }) =>
  renderOnTask(fake, 'sigmoid', size ? { size } : {});

async function answerCheck(fake: Fake, status: 'pass' | 'fail') {
  await waitUntil(() => fake.controls.pending.length > 0, 'a check is asked for');
  const failing: Record<string, { message: string }> =
    status === 'fail' ? { 'no NaN': { message: 'got: [NaN]' } } : {};
  fake.controls.pending[0]?.resolve(
    taskResult(fake.services.course, 'sigmoid', status, { failing }),
  );
}

async function answerPlots(fake: Fake, result: PlotResult) {
  await waitUntil(() => fake.controls.plotsPending.length > 0, 'plots are asked for');
  fake.controls.plotsPending[0]?.resolve(result);
}

/** Width of the chart's x-axis rule, `└────…`, in the frame. */
function axisWidth(screen: string): number {
  const rule = screen.split('\n').find((line) => line.includes('└'));
  return rule?.trimEnd().length ?? 0;
}

describe('the plots', () => {
  it('are computed after a pass and shown by p without computing again, one plot per page', async () => {
    const fake = fakeServices();
    const app = await onTask(fake, { columns: 80, rows: 24 });
    fake.controls.save('01-sigmoid.ts');
    await answerCheck(fake, 'pass');
    const passed = await waitForText(app, '✓ Passed!');
    expect(passed).toContain('p shows your plots, drawn from your own code.');
    await waitUntil(() => fake.controls.plotted.length === 1, 'the plots are computed');
    expect(fake.controls.plotted).toEqual(['sigmoid']);
    await answerPlots(fake, twoPlots);

    const first = await press(app, 'p', 'Plots of 01-sigmoid.ts · plot 1 of 2');
    expect(first).toContain('σ(z) and its slope σ′(z) = σ(z)(1 − σ(z))');
    expect(first).toContain('x: z from −10 to 10 · y: σ and σ′, linear');
    expect(first).toContain('── σ(z), yours');
    expect(first).toContain('←→ page  e edit  Esc close  q quit');
    // It fits 80×24: every row of the frame, the footer last.
    const rows = first.split('\n');
    expect(rows.length).toBeLessThanOrEqual(23);
    expect(Math.max(...rows.map((line) => line.length))).toBeLessThanOrEqual(80);
    expect(rows.at(-1)).toContain('q quit');
    expect(fake.controls.plotted).toHaveLength(1);

    const second = await press(app, right, 'plot 2 of 2');
    expect(second).toContain('‖w‖ over 200 steps');
    await press(app, keys.pageUp, 'plot 1 of 2');
    await press(app, left, 'plot 1 of 2');
    await press(app, keys.escape, '✓ Passed!');
  });

  it('p draws a failing implementation too, with a note where it returned NaN', async () => {
    const fake = fakeServices();
    const app = await onTask(fake);
    fake.controls.save('01-sigmoid.ts');
    await answerCheck(fake, 'fail');
    await waitForText(app, '✗ 2/3 checks pass');
    expect(fake.controls.plotted).toEqual([]);
    await press(app, 'p', 'drawing your plots from 01-sigmoid.ts');
    // Asked for once "drawing" is on screen (see afterFrame).
    await waitUntil(() => fake.controls.plotted.length > 0, 'the plots are asked for');
    expect(fake.controls.plotted).toEqual(['sigmoid']);
    await answerPlots(fake, nanPlots);
    const screen = await waitForText(app, 'plot 1 of 1');
    expect(screen).toMatch(/Note: .*NaN/);
    expect(screen).toContain('σ(z), reference');
  });

  it('redraws at the new width when the terminal is resized', async () => {
    const fake = fakeServices();
    const app = await onTask(fake, { columns: 80, rows: 24 });
    await press(app, 'p', 'drawing your plots');
    await answerPlots(fake, twoPlots);
    const narrow = await waitForText(app, 'plot 1 of 2');
    expect(axisWidth(narrow)).toBeGreaterThan(60);
    expect(axisWidth(narrow)).toBeLessThanOrEqual(80);
    resize(app, 120, 40);
    const wide = await waitForText(app, 'plot 1 of 2');
    await waitUntil(() => axisWidth(frame(app)) > 100, 'the chart is drawn 120 columns wide');
    // A taller terminal gets a taller chart.
    const chartRows = (screen: string) => screen.split('\n').filter((l) => /[┤┼]/.test(l)).length;
    expect(chartRows(frame(app))).toBeGreaterThan(chartRows(narrow));
    expect(wide).toContain('Plots of 01-sigmoid.ts');
  });

  it('says when the tutor could not draw them, and leaving the task cancels a computation', async () => {
    const fake = fakeServices();
    const app = await onTask(fake);
    await press(app, 'p', 'drawing your plots');
    await waitUntil(() => fake.controls.plotsPending.length > 0, 'the plots are asked for');
    const first = fake.controls.plotsPending[0];
    first?.reject(new Error('The sandbox would not start.'));
    await waitForText(app, 'The tutor failed to draw the plots: The sandbox would not start.');
    // Closed and opened again: computed again.
    await press(app, keys.escape, 'Write sigmoid in 01-sigmoid.ts.');
    await press(app, 'p', 'drawing your plots');
    await waitUntil(() => fake.controls.plotted.length === 2, 'the plots are asked for again');
    expect(fake.controls.plotted).toEqual(['sigmoid', 'sigmoid']);
    await waitUntil(() => fake.controls.plotsPending.length > 0, 'the computation is pending');
    const second = fake.controls.plotsPending[0];
    // b closes the plots (still computing, for this screen), and b again leaves the task.
    await press(app, 'b', 'Write sigmoid in 01-sigmoid.ts.');
    expect(second?.signal.aborted).toBe(false);
    await press(app, 'b', 'Stable loss');
    await waitUntil(() => second?.signal.aborted === true, 'leaving the task cancels the plots');
  });

  it('are listed in the footer and in the ? help of the task screen', async () => {
    const fake = fakeServices();
    const app = await onTask(fake);
    expect(frame(app)).toContain('p plots');
    const help = await press(app, '?', 'Keys');
    expect(help).toMatch(/p +your plots, drawn from your own code/);
  });
});

describe('the plots after the file changes', () => {
  it('are computed again on the next pass, and say when they predate the last save', async () => {
    const fake = fakeServices();
    const app = await onTask(fake);
    fake.controls.save('01-sigmoid.ts');
    await answerCheck(fake, 'pass');
    await answerPlots(fake, twoPlots);
    await press(app, 'p', 'plot 1 of 2');
    // A save that fails: the plots on screen are of the version before.
    fake.controls.save('01-sigmoid.ts');
    await answerCheck(fake, 'fail');
    await waitForText(app, 'Drawn before your last save: Esc, then p, draws them again.');
    expect(fake.controls.plotted).toEqual(['sigmoid']);
    // A save that passes: drawn again by themselves.
    fake.controls.save('01-sigmoid.ts');
    await answerCheck(fake, 'pass');
    await waitUntil(() => fake.controls.plotted.length === 2, 'the plots are computed again');
    await answerPlots(fake, nanPlots);
    const screen = await waitForText(app, 'plot 1 of 1');
    expect(screen).not.toContain('Drawn before your last save');
  });
});
