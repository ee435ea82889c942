import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { checkingShownAfterMs } from '../../src/ui/app/redraw.js';
import type { TerminalControl } from '../../src/ui/terminal.js';
import {
  type Fake,
  fakeCourse,
  fakeServices,
  taskResult,
  withTasks,
} from '../helpers/fake-services.js';
import {
  frame,
  keys,
  press,
  renderOnTask,
  resize,
  unmountAll,
  waitForFrame,
  waitForText,
  waitUntil,
} from '../helpers/ink.js';

afterEach(unmountAll);

const onTask = (fake: Fake, taskId = 'sigmoid', terminal?: TerminalControl) =>
  renderOnTask(fake, taskId, terminal ? { terminal } : {});

/** Answers the oldest pending check with `result` once it has been asked for. */
async function answer(fake: Fake, result: ReturnType<typeof taskResult>) {
  await waitUntil(() => fake.controls.pending.length > 0, 'a check is asked for');
  fake.controls.pending[0]?.resolve(result);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping escape sequences is the point.
const ansi = /\u001B\[[0-9;?]*[A-Za-z]/g;

const statusLine = /watching 01-sigmoid\.ts · last checked \d\d:\d\d:\d\d · 41 ms/;

describe('the task screen', () => {
  it('shows the lesson, the file to edit and the checks to come before the first save', async () => {
    const fake = fakeServices();
    const app = await onTask(fake);
    const screen = frame(app);
    expect(screen).toContain('Stable sigmoid · Sigmoid and stable loss · open');
    expect(screen).toContain(
      'edit /tmp/logreg-ui-workspace/01-sigmoid.ts  sigmoid(z: Vector): Vector',
    );
    expect(screen).toContain('Write sigmoid in 01-sigmoid.ts.');
    expect(screen).toContain(
      'Not checked yet: save 01-sigmoid.ts (or press r) and these checks run:',
    );
    expect(screen).toContain('○ no NaN');
    expect(screen).toContain('watching 01-sigmoid.ts · not checked yet · save the file or press r');
    expect(screen).toContain(
      'r recheck  h hint  e edit  p plots  x run  n next  t checks  b back  ? help  q quit',
    );
    expect(fake.controls.checked).toEqual([]);
    expect(fake.progress.workspace(fake.services.workspaceDir).lastLesson).toBe('sigmoid');
  });

  it('rechecks by itself when the file is saved: checking, then ✗ with every failure explained and the status line', async () => {
    const fake = fakeServices();
    const app = await onTask(fake);
    fake.controls.save('01-sigmoid.ts');
    await waitForText(app, 'checking 01-sigmoid.ts · Esc cancels');
    await answer(
      fake,
      taskResult(fake.services.course, 'sigmoid', 'fail', {
        failing: {
          'no NaN': { message: 'tried:    sigmoid([1000])\nexpected: [1]\ngot:      [NaN]' },
          tails: { message: 'the failure that names its mistake', mistake: 'zero-tail' },
        },
      }),
    );
    const screen = await waitForText(app, statusLine);
    expect(screen).toContain('✗ 1/3 checks pass');
    expect(screen).toContain('✓ shape');
    expect(screen).toContain('✗ no NaN');
    expect(screen).toContain('      got:      [NaN]');
    expect(screen).toContain('✗ tails');
    // Every failure in full, the one that confirmed a named mistake first, the passes after.
    expect(screen).toContain('      the failure that names its mistake');
    expect(screen.indexOf('✗ tails')).toBeLessThan(screen.indexOf('✗ no NaN'));
    expect(screen.indexOf('✗ no NaN')).toBeLessThan(screen.indexOf('✓ shape'));
    expect(screen).toContain('Stable sigmoid · Sigmoid and stable loss · failing');
    const record = fake.progress.workspace(fake.services.workspaceDir).tasks.sigmoid;
    expect(record).toMatchObject({
      attempts: 1,
      lastStatus: 'fail',
      passedChecks: 1,
      totalChecks: 3,
    });
  });

  it('goes from the old verdict straight to the new one when the check is quick: one frame, no checking', async () => {
    const fake = fakeServices();
    const app = await onTask(fake);
    const before = app.frames.length;
    fake.controls.save('01-sigmoid.ts');
    await answer(fake, taskResult(fake.services.course, 'sigmoid', 'pass'));
    await waitForText(app, statusLine);
    const drawn = app.frames.slice(before).map((written) => written.replace(ansi, ''));
    expect(drawn.filter((written) => written.includes('checking'))).toEqual([]);
    // The verdict is the one frame drawn for the save.
    expect(drawn).toHaveLength(1);
    expect(drawn[0]).toContain('✓ Passed!');
  });

  it('asks for the type errors and the plots of a pass only once its verdict is drawn', async () => {
    const fake = fakeServices();
    // What was on screen when each follow-up was asked for.
    const onScreenWhenAsked: string[] = [];
    let app: Awaited<ReturnType<typeof onTask>> | undefined;
    const seen = () => onScreenWhenAsked.push(app ? frame(app) : '');
    const watched: Fake = {
      ...fake,
      services: {
        ...fake.services,
        typeCheck: (taskId) => {
          seen();
          return fake.services.typeCheck(taskId);
        },
        computePlots: (taskId, signal) => {
          seen();
          return fake.services.computePlots(taskId, signal);
        },
      },
    };
    app = await onTask(watched);
    fake.controls.save('01-sigmoid.ts');
    await answer(fake, taskResult(fake.services.course, 'sigmoid', 'pass'));
    await waitUntil(
      () => onScreenWhenAsked.length === 2,
      'the type-checker and the plots are asked',
    );
    for (const screen of onScreenWhenAsked) expect(screen).toContain('✓ Passed!');
  });

  it('says checking once a check has run for a while, and Esc cancels it then', async () => {
    const fake = fakeServices();
    const app = await onTask(fake);
    fake.controls.save('01-sigmoid.ts');
    await waitUntil(() => fake.controls.pending.length > 0, 'a check is asked for');
    const asked = Date.now();
    await waitForText(app, 'checking 01-sigmoid.ts · Esc cancels');
    expect(Date.now() - asked).toBeGreaterThanOrEqual(checkingShownAfterMs - 20);
    await press(app, keys.escape, 'check cancelled · r checks again');
  });

  it('rechecks on a save of a workspace file the task can import, not of a later task', async () => {
    const fake = fakeServices();
    const app = await onTask(fake);
    fake.controls.save('03-loss-and-grad.ts');
    fake.controls.save('lab.ts');
    await waitForText(app, 'checking 01-sigmoid.ts');
    expect(fake.controls.checked).toEqual(['sigmoid']);
  });

  it('debounces a burst of saves into one check', async () => {
    const fake = fakeServices();
    const app = await onTask(fake);
    for (let save = 0; save < 5; save++) fake.controls.save('01-sigmoid.ts');
    await waitForText(app, 'checking 01-sigmoid.ts');
    await answer(fake, taskResult(fake.services.course, 'sigmoid', 'pass'));
    await waitForText(app, statusLine);
    expect(fake.controls.checked).toEqual(['sigmoid']);
  });

  it('r rechecks; a newer save supersedes the running check', async () => {
    const fake = fakeServices();
    const app = await onTask(fake);
    await press(app, 'r', 'checking 01-sigmoid.ts');
    const first = fake.controls.pending[0];
    fake.controls.save('01-sigmoid.ts');
    await waitUntil(() => fake.controls.checked.length === 2, 'the newer check starts');
    expect(first?.signal.aborted).toBe(true);
    await answer(fake, taskResult(fake.services.course, 'sigmoid', 'pass'));
    await waitForText(app, '✓ Passed!');
    expect(fake.progress.workspace(fake.services.workspaceDir).tasks.sigmoid?.attempts).toBe(1);
  });

  it('answers keys while a check runs, and Esc cancels a runaway check', async () => {
    const fake = fakeServices();
    const app = await onTask(fake);
    await press(app, 'r', 'Esc cancel');
    await press(
      app,
      keys.pageDown,
      (screen) => !screen.includes('Paragraph 1 of the sigmoid lesson.'),
    );
    await press(app, keys.escape, 'watching 01-sigmoid.ts · check cancelled · r checks again');
    expect(fake.controls.pending).toEqual([]);
    expect(frame(app)).toContain('Stable sigmoid');
    // Esc with nothing running goes back to the map.
    await press(app, keys.escape, '0 of 3 tasks passed');
  });

  it('caps the student’s console output and shows type errors beside the checks', async () => {
    const fake = fakeServices();
    fake.controls.typeErrors = [
      {
        file: '01-sigmoid.ts',
        line: 3,
        column: 9,
        message: "Type 'string' is not assignable to type 'number'.",
        lineText: '',
      },
    ];
    const app = await onTask(fake);
    await press(app, 'r', 'checking');
    const output = Array.from({ length: 10 }, (_, index) => `line ${index + 1}`).join('\n');
    await answer(
      fake,
      taskResult(fake.services.course, 'sigmoid', 'fail', {
        failing: { tails: { message: 'wrong tail' } },
        output,
      }),
    );
    const screen = await waitForText(app, '⚠ 1 type error (the checks ran anyway):');
    expect(screen).toContain("01-sigmoid.ts:3:9 Type 'string' is not assignable to type 'number'.");
    expect(screen).toContain('Your output (console.log):');
    expect(screen).toContain('│ line 4');
    expect(screen).not.toContain('│ line 5');
    expect(screen).toContain('… 6 more lines');
  });

  it('shows a compile error where it is, and what has not run', async () => {
    const fake = fakeServices();
    fake.controls.typeErrors = [
      {
        file: '01-sigmoid.ts',
        line: 4,
        column: 12,
        message: "';' expected.",
        lineText: '',
      },
    ];
    const app = await onTask(fake);
    await press(app, 'r', 'checking');
    await answer(
      fake,
      taskResult(fake.services.course, 'sigmoid', 'compile-error', {
        error: 'x',
        diagnostics: [
          {
            file: '01-sigmoid.ts',
            line: 4,
            column: 10,
            message: 'Expected ";" but found "z"',
            lineText: '  return z z;',
          },
        ],
      }),
    );
    const screen = await waitForText(app, '✗ 01-sigmoid.ts does not compile:');
    expect(screen).toContain('01-sigmoid.ts:4:10 Expected ";" but found "z"');
    expect(screen).toContain('4 │   return z z;');
    expect(screen).toContain('3 checks not run until it compiles.');
    // The type-checker's errors follow, without claiming that the checks ran.
    const typed = await waitForText(app, "01-sigmoid.ts:4:12 ';' expected.");
    expect(typed).toContain('⚠ 1 type error:');
    expect(typed).not.toContain('the checks ran anyway');
  });

  it('says when the starter is untouched', async () => {
    const fake = fakeServices();
    const app = await onTask(fake);
    await press(app, 'r', 'checking');
    await answer(
      fake,
      taskResult(fake.services.course, 'sigmoid', 'fail', {
        notImplemented: true,
        failing: {
          shape: { message: 'Not implemented yet' },
          'no NaN': { message: 'Not implemented yet' },
          tails: { message: 'Not implemented yet' },
        },
      }),
    );
    await waitForText(app, "○ Not started: 01-sigmoid.ts still throws the starter's TODO error.");
  });

  it('celebrates a pass: what was learned, the next task now open, and s for the solution', async () => {
    const fake = fakeServices();
    const app = await onTask(fake);
    await press(app, 's', 'The reference solution opens once your checks pass');
    fake.controls.save('01-sigmoid.ts');
    await answer(fake, taskResult(fake.services.course, 'sigmoid', 'pass'));
    const screen = await waitForText(app, '✓ Passed!');
    expect(screen).toContain('All 3 checks pass: Stable sigmoid is done.');
    expect(screen).toContain('You learned: Stable sigmoid in one line.');
    expect(screen).toContain('Next: n opens Stable loss (02-bce-loss.ts), now unlocked.');
    expect(screen).toContain('s shows the reference solution, to compare it with yours.');
    expect(screen).toContain('Stable sigmoid · Sigmoid and stable loss · passed');
    expect(screen).toContain('s solution');
    const solution = await press(app, 's', 'Reference solution of 01-sigmoid.ts');
    expect(solution).toContain('return z; // reference');
    await press(app, keys.escape, '✓ Passed!');
    await press(app, 'n', 'edit /tmp/logreg-ui-workspace/02-bce-loss.ts');
    expect(fake.progress.workspace(fake.services.workspaceDir).lastLesson).toBe('bce-loss');
    await press(
      app,
      'b',
      (screen) => /✓ Stable sigmoid.*passed/.test(screen) && /○ Stable loss.*open/.test(screen),
    );
  });

  it('wraps the way on after a pass at 80 columns instead of cutting it off', async () => {
    const title = 'Stable binary cross-entropy, clipped';
    const fake = fakeServices({
      course: withTasks(fakeCourse(), (task) =>
        task.id === 'bce-loss' ? { ...task, title } : task,
      ),
    });
    const app = await onTask(fake);
    resize(app, 80, 24);
    fake.controls.save('01-sigmoid.ts');
    await answer(fake, taskResult(fake.services.course, 'sigmoid', 'pass'));
    const screen = await waitForText(app, '✓ Passed!');
    // The box's edges and the wrapping apart, the sentence is there whole.
    const text = screen.replace(/[│]/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain(`Next: n opens ${title} (02-bce-loss.ts), now unlocked.`);
    expect(screen).not.toContain('…');
  });

  it('shows every key of the task screen in the footer at 80 columns, on two lines', async () => {
    const fake = fakeServices();
    const app = await onTask(fake);
    resize(app, 80, 24);
    const screen = await waitForFrame(app, (shown) =>
      shown.split('\n').every((line) => stringWidth(line) <= 80),
    );
    const footer = screen.split('\n').slice(-2).join('  ');
    const keysOfTheScreen =
      'r recheck|h hint|e edit|p plots|x run|n next|t checks|b back|? help|q quit';
    for (const item of keysOfTheScreen.split('|')) expect(footer).toContain(item);
    for (const line of screen.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
  });

  it('gives the lesson most of an 80×24 screen before the first check, cutting the checks to come', async () => {
    const many = Array.from({ length: 9 }, (_, index) => ({
      name: `check number ${index + 1}`,
      run: async () => {},
    }));
    const fake = fakeServices({
      course: withTasks(fakeCourse(), (task) =>
        task.id === 'sigmoid' ? { ...task, checks: many } : task,
      ),
    });
    const app = await onTask(fake);
    resize(app, 80, 24);
    const screen = await waitForText(app, /t shows the checks alone/);
    const lines = screen.split('\n');
    const rule = lines.findIndex((line) => line.startsWith('──'));
    // Two header rows above the lesson; the rule under it.
    expect(rule - 2).toBeGreaterThanOrEqual(11);
    expect(screen).toContain('Not checked yet: save 01-sigmoid.ts (or press r)');
    expect(screen).toContain('○ check number 1');
    // The starter's TODO is no verdict yet: the lesson keeps its room.
    fake.controls.save('01-sigmoid.ts');
    await answer(
      fake,
      taskResult(fake.services.course, 'sigmoid', 'fail', { notImplemented: true }),
    );
    const started = await waitForText(app, '○ Not started');
    const under = started.split('\n').findIndex((line) => line.startsWith('──'));
    expect(under - 2).toBeGreaterThanOrEqual(11);
  });

  it('fits the reference solution box to its code, with no blank rows padding it', async () => {
    // A blank line inside the code stays where it is, not at the end of the box.
    const solution =
      "import type { Vector } from './lab';\n\nexport function sigmoid(z: Vector) {\n  return z;\n}\n";
    const fake = fakeServices({
      course: withTasks(fakeCourse(), (task) =>
        task.id === 'sigmoid' ? { ...task, solution } : task,
      ),
    });
    const app = await onTask(fake);
    resize(app, 120, 40);
    fake.controls.save('01-sigmoid.ts');
    await answer(fake, taskResult(fake.services.course, 'sigmoid', 'pass'));
    await waitForText(app, '✓ Passed!');
    const screen = await press(app, 's', 'Reference solution of 01-sigmoid.ts');
    const lines = screen.split('\n');
    const top = lines.findIndex((line) => line.startsWith('╭'));
    const bottom = lines.findIndex((line) => line.startsWith('╰'));
    const inside = lines.slice(top + 1, bottom).map((line) => line.replace(/│/g, '').trim());
    expect(inside.filter((line) => line === '').length).toBeLessThanOrEqual(1);
    expect(inside.at(-1)).toBe('}');
    const imports = inside.findIndex((line) => line.startsWith('import type'));
    expect(inside[imports + 1]).toBe('');
    expect(inside[imports + 2]).toMatch(/^export function sigmoid/);
  });

  it('shows a task that passed before and fails now as regressed', async () => {
    const fake = fakeServices();
    fake.progress.recordResult(
      fake.services.workspaceDir,
      taskResult(fake.services.course, 'sigmoid', 'pass'),
    );
    const app = await onTask(fake);
    // Checked before, so opening it checks it again.
    await answer(
      fake,
      taskResult(fake.services.course, 'sigmoid', 'fail', {
        failing: { tails: { message: 'lost the tail' } },
      }),
    );
    const screen = await waitForText(app, 'Stable sigmoid · Sigmoid and stable loss · regressed');
    expect(screen).not.toContain('✓ Passed!');
  });

  it("h offers the failing check's own hint, then the staged hints, each counted", async () => {
    const fake = fakeServices();
    const app = await onTask(fake);
    await press(app, 'r', 'checking');
    await answer(
      fake,
      taskResult(fake.services.course, 'sigmoid', 'fail', {
        failing: { 'no NaN': { message: 'NaN' } },
      }),
    );
    await waitForText(app, statusLine);
    let screen = await press(app, 'h', 'For the failing check “no NaN”:');
    expect(screen).toContain('Branch on the sign of z');
    // The failing check stays in sight under the hints.
    expect(screen).toContain('✗ no NaN');
    expect(screen).not.toContain('Hint 1 of 2');
    expect(screen).toContain('h next hint (2 left)');
    screen = await press(app, 'h', 'Hint 1 of 2');
    expect(screen).toContain('sigmoid hint one');
    await press(app, 'h', 'sigmoid hint two');
    screen = await press(app, 'h', 'That was the last hint.');
    expect(fake.progress.workspace(fake.services.workspaceDir).tasks.sigmoid?.hintsShown).toBe(2);
    await press(app, keys.escape, (current) => !current.includes('Hints for'));
  });

  it('e gives the terminal to the editor and checks the file when it closes', async () => {
    const fake = fakeServices();
    let release = () => {};
    const handedOver: string[] = [];
    const terminal: TerminalControl = {
      async suspend(run) {
        handedOver.push('out');
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        const result = await run();
        handedOver.push('back');
        return result;
      },
    };
    const app = await onTask(fake, 'sigmoid', terminal);
    await press(app, 'e', 'Editing 01-sigmoid.ts in your editor…');
    expect(handedOver).toEqual(['out']);
    release();
    await waitForText(app, 'checking 01-sigmoid.ts');
    expect(fake.controls.edited).toEqual(['01-sigmoid.ts']);
    expect(handedOver).toEqual(['out', 'back']);
  });

  it('says what to do when the editor cannot start', async () => {
    const fake = fakeServices();
    fake.controls.editorError = 'No editor found: set $EDITOR (for example `export EDITOR=nano`).';
    const app = await onTask(fake);
    await press(app, 'e', 'No editor found: set $EDITOR');
  });

  it('scrolls the lesson with j, PgDn and End, and t switches between lesson, checks and both', async () => {
    const fake = fakeServices();
    const app = await onTask(fake);
    expect(frame(app)).toContain('Paragraph 1 of the sigmoid lesson.');
    await press(app, 'j', (screen) => screen.split('\n')[2]?.trim() === '');
    await press(
      app,
      keys.pageDown,
      (screen) => !screen.includes('Paragraph 1 of the sigmoid lesson.'),
    );
    await press(app, 'G', 'Paragraph 40 of the sigmoid lesson.');
    await press(app, 'g', 'Paragraph 1 of the sigmoid lesson.');
    // t: the checks alone, then the lesson alone, then both again.
    const checks = await press(app, 't', 't lesson');
    expect(checks).not.toContain('Paragraph 1 of the sigmoid lesson.');
    expect(checks).toContain('○ no NaN');
    const lesson = await press(app, 't', '○ not checked yet · t shows lesson and checks');
    expect(lesson).not.toContain('○ no NaN');
    expect(lesson).toContain('t both');
    await press(
      app,
      't',
      (screen) =>
        screen.includes('○ no NaN') && screen.includes('Paragraph 1 of the sigmoid lesson.'),
    );
  });

  it('sums the verdict up in the words of the verdict model with the lesson alone', async () => {
    const fake = fakeServices();
    const app = await onTask(fake);
    await press(app, 't', 't lesson');
    await press(app, 't', '○ not checked yet · t shows lesson and checks');
    fake.controls.save('01-sigmoid.ts');
    await answer(
      fake,
      taskResult(fake.services.course, 'sigmoid', 'fail', { notImplemented: true }),
    );
    await waitForText(app, '○ 01-sigmoid.ts not started · t shows lesson and checks');
    fake.controls.save('01-sigmoid.ts');
    await answer(
      fake,
      taskResult(fake.services.course, 'sigmoid', 'fail', {
        failing: { 'no NaN': { message: 'got: [NaN]' } },
      }),
    );
    await waitForText(app, /✗ \d\/3 checks pass · t shows lesson and checks/);
  });

  it('cuts console output holding emoji to the width of the terminal, not wider', async () => {
    const fake = fakeServices();
    const app = await onTask(fake);
    resize(app, 80, 24);
    await press(app, 't', 't lesson');
    await press(app, 'r', 'checking');
    // ✅ and ⌚ take two columns each, a family joined by ZWJ two, a soft hyphen none.
    const output = [
      '✅'.repeat(50),
      `${'⌚ '.repeat(30)}end`,
      '👨‍👩‍👧'.repeat(45),
      'soft\u00ADhyphen',
    ].join('\n');
    await answer(
      fake,
      taskResult(fake.services.course, 'sigmoid', 'fail', {
        failing: { tails: { message: 'wrong tail' } },
        output,
      }),
    );
    await waitForText(app, statusLine);
    const screen = await press(app, 'G', '│ ✅');
    const lines = screen.split('\n');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    const shown = lines.filter((line) => /│ (✅|⌚|👨|soft)/.test(line));
    expect(shown).toHaveLength(4);
    // The three long ones are cut with … at the edge; the soft hyphen's line fits whole.
    for (const line of shown.slice(0, 3)) {
      expect(line.trimEnd()).toMatch(/…$/);
      expect(stringWidth(line.trimEnd())).toBeGreaterThanOrEqual(78);
    }
    expect(shown[3]?.trimEnd()).toMatch(/│ soft\u00AD?hyphen$/);
  });

  it('fits a failing task into 80×24, with the lesson still on screen', async () => {
    const fake = fakeServices();
    const app = await onTask(fake);
    resize(app, 80, 24);
    await press(app, 'r', 'checking');
    const long = Array.from(
      { length: 12 },
      (_, index) => `detail line ${index + 1} of a long diagnosis`,
    ).join('\n');
    await answer(
      fake,
      taskResult(fake.services.course, 'sigmoid', 'fail', {
        failing: { 'no NaN': { message: long } },
        output: 'a\nb\nc\nd\ne',
      }),
    );
    const screen = await waitForText(app, statusLine);
    const lines = screen.split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(lines.every((line) => line.length <= 80)).toBe(true);
    expect(screen).toContain('Write sigmoid in 01-sigmoid.ts.');
    expect(screen).toMatch(/… \d+ more rows: t shows the checks alone/);
    // The footer wraps to two lines at 80 columns: every key of the screen is on it.
    expect(lines.slice(-2).join('\n')).toContain('r recheck');
    expect(lines.at(-1)).toContain('q quit');
    // The checks alone, scrolled to their end: the output comes into view.
    const checks = await press(app, 't', 't lesson');
    expect(checks).not.toContain('Write sigmoid in 01-sigmoid.ts.');
    expect(checks).toMatch(/↓ \d+ more rows · ↑↓ PgUp PgDn/);
    const end = await press(app, 'G', 'end of the checks');
    expect(end).toContain('│ e');
  });
});
