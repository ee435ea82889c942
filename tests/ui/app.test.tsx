import { afterEach, describe, expect, it } from 'vitest';
import { type Fake, fakeServices, taskResult } from '../helpers/fake-services.js';
import {
  frame,
  keys,
  press,
  type Rendered,
  renderApp,
  resize,
  unmountAll,
  waitForText,
  waitUntil,
} from '../helpers/ink.js';

afterEach(unmountAll);

const mount = (fake: Fake) => renderApp(fake);

/** True once the app has exited (Ink stops reading keys). */
const exited = (app: Rendered) => () => app.stdin.listenerCount('readable') === 0;

describe('the section 0 screen', () => {
  it('shows the datasets: shape, class balance and how they were made, then the lesson', async () => {
    const app = await mount(fakeServices());
    const screen = await press(app, keys.enter, 'section 0 · reading, nothing to write');
    expect(screen).toMatch(
      /non-separable\s+400×5\s+\d+ \(\d+\.\d%\)\s+z = X·w_true \+ 0\.5·ε, y ~ Bernoulli\(σ\(z\)\)/,
    );
    expect(screen).toMatch(
      /separable\s+400×5\s+\d+ \(\d+\.\d%\)\s+y = 1 where X·w_true > 0, else 0/,
    );
    expect(screen).toContain('X, w_true, ε ~ N(0, 1), seed 0 · w_true = [');
    expect(screen).toContain('X is n×d, y ∈ {0, 1}ⁿ.');
    // The lesson's indented display maths keeps its own line.
    expect(screen).toContain('    σ(z) = 1 / (1 + e^(−z))');
    expect(screen).toContain('↑↓ scroll  n first task  b back  ? help  q quit');
    await press(app, 'n', 'edit /tmp/logreg-ui-workspace/01-sigmoid.ts');
    await press(app, 'b', '0 of 3 tasks passed');
    await press(app, keys.up, (current) => /^› ≡ The synthetic dataset/m.test(current));
    await press(app, keys.enter, 'section 0');
    await press(app, 'b', '0 of 3 tasks passed');
  });
});

describe('help, quitting and the terminal', () => {
  it('? shows every key of the screen in an overlay; Esc closes it', async () => {
    // 26 rows: at 24 the task screen's keys need a scroll (see tests/ui/run.test.tsx).
    const app = await renderApp(fakeServices(), { size: { columns: 100, rows: 26 } });
    await press(app, 'j', /^› ○ Stable sigmoid/m);
    await press(app, keys.enter, 'edit /tmp');
    const help = await press(app, '?', 'Keys');
    for (const line of ['r', 'h', 'e', 'n', 's', 'b', 'q', 'Esc', 'Ctrl+C'])
      expect(help).toMatch(new RegExp(`│ ${line.replace('+', '\\+')}\\s{2,}`));
    expect(help).toContain('quit at once, from anywhere');
    await press(app, keys.escape, 'Write sigmoid in 01-sigmoid.ts.');
    await press(app, '?', 'Keys');
    await press(app, '?', (screen) => !screen.includes('Keys'));
  });

  it('q quits from the map', async () => {
    const app = await mount(fakeServices());
    app.stdin.write('q');
    await waitUntil(exited(app), 'the app exits');
  });

  it('Ctrl+C quits from anywhere, even an overlay, and stops a running check', async () => {
    const fake = fakeServices();
    const app = await mount(fake);
    await press(app, 'j', /^› ○ Stable sigmoid/m);
    await press(app, keys.enter, 'edit /tmp');
    await press(app, 'r', 'checking');
    await press(app, '?', 'Keys');
    const running = fake.controls.pending[0];
    app.stdin.write(keys.ctrlC);
    await waitUntil(exited(app), 'the app exits');
    expect(running?.signal.aborted).toBe(true);
  });

  it('asks for a bigger terminal below 80×24, still quits on q, and redraws when resized', async () => {
    const app = await mount(fakeServices());
    resize(app, 70, 20);
    const small = await waitForText(app, 'Please enlarge the terminal.');
    expect(small).toContain('The tutor needs at least 80×24; this one is 70×20.');
    await press(app, 'j', 'this one is 70×20');
    resize(app, 100, 30);
    await waitForText(app, '0 of 3 tasks passed');
    resize(app, 80, 23);
    await waitForText(app, 'this one is 80×23');
    app.stdin.write('q');
    await waitUntil(exited(app), 'the app exits');
  });
});

describe('progress', () => {
  it('survives a restart: a passed task and the task it unlocked are still there', async () => {
    const fake = fakeServices();
    const first = await mount(fake);
    await press(first, 'j', /^› ○ Stable sigmoid/m);
    await press(first, keys.enter, 'edit /tmp');
    fake.controls.save('01-sigmoid.ts');
    await waitUntil(() => fake.controls.pending.length > 0, 'a check is asked for');
    fake.controls.pending[0]?.resolve(taskResult(fake.services.course, 'sigmoid', 'pass'));
    await waitForText(first, '✓ Passed!');
    first.stdin.write('q');
    await waitUntil(exited(first), 'the app exits');

    const again = fakeServices({ configDir: fake.configDir });
    const second = await mount(again);
    const screen = frame(second);
    expect(screen).toMatch(/^› ✓ Stable sigmoid\s+01-sigmoid\.ts\s+passed/m);
    expect(screen).toMatch(/○ Stable loss\s+02-bce-loss\.ts\s+open/);
    expect(screen).toContain('1 of 3 tasks passed');
    expect(screen).toMatch(/01-sigmoid\.ts · 1 check run · 0 hints seen · first passed/);
  });
});
