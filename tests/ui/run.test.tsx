// The Run view (`x` on a task): the notebook's cell on the student's code, asked of the services
// (the fake answers when the test says so), its printout and its OK/Failed checks, Esc back.
import { afterEach, describe, expect, it } from 'vitest';
import type { NotebookResult } from '../../src/notebook/types.js';
import { type Fake, fakeServices } from '../helpers/fake-services.js';
import { keys, press, renderOnTask, unmountAll, waitForText, waitUntil } from '../helpers/ink.js';

afterEach(unmountAll);

/** A sigmoid that returns NaN at 1000: a value beside the tutor's, and in_0_1 failed. */
const nanAt1000: NotebookResult = {
  taskId: 'sigmoid',
  file: '01-sigmoid.ts',
  status: 'fail',
  notImplemented: false,
  lines: [
    {
      label: 'sigmoid([-1000, -10, 0, 10, 1000])',
      value: '[0, 0.0000453, 0.5, 0.99995, NaN]',
      reference: '[0, 0.0000453, 0.5, 0.99995, 1]',
      matches: false,
    },
  ],
  checks: [
    { name: 'in_0_1', ok: false },
    { name: 'monotonic', ok: true },
  ],
  output: { text: '', droppedBytes: 0 },
  durationMs: 20,
};

async function answerCell(fake: Fake, result: NotebookResult): Promise<void> {
  await waitUntil(() => fake.controls.cellsPending.length > 0, 'a run of the cell is asked for');
  fake.controls.cellsPending[0]?.resolve(result);
}

describe('the Run view', () => {
  it('x runs the cell and shows its lines, the tutor value beside, and every check', async () => {
    const fake = fakeServices();
    const app = await renderOnTask(fake, 'sigmoid', { size: { columns: 100, rows: 30 } });
    expect(await waitForText(app, 'x run')).toContain('p plots  x run');
    const running = await press(app, 'x', "Running the notebook's cell on 01-sigmoid.ts…");
    expect(running).toContain("The notebook's cell on your 01-sigmoid.ts, with the tutor's data");
    expect(running).toContain('r run again  e edit  Esc close  q quit');
    await answerCell(fake, nanAt1000);
    const shown = await waitForText(app, 'Failed: in_0_1');
    expect(shown).not.toContain('Running the notebook');
    expect(shown).toContain('sigmoid([-1000, -10, 0, 10, 1000]) [0, 0.0000453, 0.5, 0.99995, NaN]');
    expect(shown).toContain('tutor: [0, 0.0000453, 0.5, 0.99995, 1]');
    expect(shown).toContain('OK: monotonic');
    expect(shown).toMatch(/These are the notebook's own checks; the hidden checks go\s+further/);
    expect(fake.controls.cellsRun).toEqual(['sigmoid']);
    // Esc goes back to the task screen.
    await press(app, keys.escape, (frame) => frame.includes('x run') && !frame.includes('Failed:'));
  });

  it("says the starter's TODO in one line, then every check Failed; b closes it", async () => {
    const fake = fakeServices();
    const app = await renderOnTask(fake);
    await press(app, 'x', 'Running');
    await answerCell(fake, {
      ...nanAt1000,
      notImplemented: true,
      error: "Not implemented yet: 01-sigmoid.ts still throws the starter's Error: TODO.",
      lines: [],
      checks: [
        { name: 'in_0_1', ok: false },
        { name: 'monotonic', ok: false },
      ],
    });
    const shown = await waitForText(app, 'Failed: monotonic');
    expect(shown).toContain(
      "01-sigmoid.ts still throws the starter's TODO error. Replace that line with your code.",
    );
    expect(shown).toContain('Failed: in_0_1');
    await press(app, 'b', (frame) => !frame.includes('Failed: in_0_1'));
  });

  it('a save while it is open runs the cell again, beside the checks', async () => {
    const fake = fakeServices();
    const app = await renderOnTask(fake);
    await press(app, 'x', 'Running');
    await answerCell(fake, nanAt1000);
    await waitForText(app, 'Failed: in_0_1');
    fake.controls.save('01-sigmoid.ts');
    await waitUntil(() => fake.controls.cellsRun.length === 2, 'the cell runs again');
    await answerCell(fake, {
      ...nanAt1000,
      status: 'pass',
      lines: [{ ...(nanAt1000.lines[0] as NotebookResult['lines'][number]), matches: true }],
      checks: [
        { name: 'in_0_1', ok: true },
        { name: 'monotonic', ok: true },
      ],
    });
    const fixed = await waitForText(app, 'OK: in_0_1');
    expect(fixed).not.toContain('tutor:');
    expect(fake.controls.checked).toContain('sigmoid');
  });

  it('a failure of the tutor to run it is said, not drawn as a verdict', async () => {
    const fake = fakeServices();
    const app = await renderOnTask(fake);
    await press(app, 'x', 'Running');
    await waitUntil(() => fake.controls.cellsPending.length > 0, 'a run is asked for');
    fake.controls.cellsPending[0]?.reject(new Error('the sandbox could not start'));
    const shown = await waitForText(app, 'The cell could not be run: the sandbox could not start');
    expect(shown).not.toMatch(/OK:|Failed:/);
  });

  it('leaving the task cancels the run in flight', async () => {
    const fake = fakeServices();
    const app = await renderOnTask(fake);
    await press(app, 'x', 'Running');
    await waitUntil(() => fake.controls.cellsPending.length > 0, 'a run is asked for');
    const [pending] = fake.controls.cellsPending;
    await press(app, keys.escape, (frame) => !frame.includes('Running'));
    await press(app, 'b', 'Enter open');
    await waitUntil(() => pending?.signal.aborted === true, 'the run is cancelled');
  });

  it('the help lists x on the task screen, and scrolls to its last keys at 24 rows', async () => {
    const fake = fakeServices();
    const app = await renderOnTask(fake, 'sigmoid', { size: { columns: 100, rows: 24 } });
    const help = await press(app, '?', 'Keys');
    expect(help).toMatch(/│ x +run the notebook's cell on your code/);
    expect(help).not.toContain('Ctrl+C');
    const scrolled = await press(app, keys.pageDown, 'Ctrl+C');
    expect(scrolled).toContain('quit at once, from anywhere');
  });
});
