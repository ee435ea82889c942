import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Fake, fakeServices, taskResult } from '../helpers/fake-services.js';
import { frame, keys, press, renderApp, unmountAll, waitForText } from '../helpers/ink.js';
import { tempDir } from '../helpers/temp.js';

afterEach(unmountAll);

const mount = (fake: Fake) => renderApp(fake);

/** The map row of a lesson. */
function rowOf(screen: string, title: string): string {
  return screen.split('\n').find((line) => line.includes(title)) ?? '';
}

describe('first launch', () => {
  it('welcomes the student: what the lab is, the edit-save-verdict loop, and the workspace path', async () => {
    const fake = fakeServices({ firstLaunch: true });
    const app = await mount(fake);
    const screen = frame(app);
    expect(screen).toContain('Welcome to logreg-tutor');
    expect(screen).toContain('Save. The checks run at once');
    expect(screen).toContain('Your workspace: /tmp/logreg-ui-workspace');
    expect(screen).toContain('created lab.ts, tsconfig.json, 01-sigmoid.ts');
    expect(screen).toContain('Enter continue');
    await press(app, keys.enter, '0 of 3 tasks passed');
  });
});

describe('the lesson map', () => {
  it('shows every section and task with its state, and what unlocks a locked one', async () => {
    const app = await mount(fakeServices());
    const screen = frame(app);
    expect(screen).toContain('0  Synthetic dataset');
    expect(screen).toContain('1  Sigmoid and stable loss');
    expect(rowOf(screen, 'Stable sigmoid')).toMatch(/○ Stable sigmoid\s+01-sigmoid\.ts\s+open/);
    expect(rowOf(screen, 'Stable loss')).toMatch(
      /· Stable loss\s+02-bce-loss\.ts\s+locked · complete sigmoid first/,
    );
    expect(rowOf(screen, 'Newton step')).toContain('Newton step (bonus)');
    expect(screen).toContain('░░░░ 0 of 3 tasks passed · bonus 0 of 1');
    expect(screen).toContain('↑↓/jk move  Enter open  v review  c checklist  ? help  q quit');
  });

  it('shows passed, failing and regressed tasks, and the progress bar', async () => {
    const fake = fakeServices();
    const { course, workspaceDir } = fake.services;
    fake.progress.recordResult(workspaceDir, taskResult(course, 'sigmoid', 'pass'));
    fake.progress.recordResult(workspaceDir, taskResult(course, 'bce-loss', 'pass'));
    fake.progress.recordResult(
      workspaceDir,
      taskResult(course, 'bce-loss', 'fail', { failing: { shape: { message: 'x' } } }),
    );
    fake.progress.recordResult(
      workspaceDir,
      taskResult(course, 'loss-and-grad', 'fail', { failing: { shape: { message: 'x' } } }),
    );
    const app = await mount(fake);
    const screen = frame(app);
    expect(rowOf(screen, 'Stable sigmoid')).toMatch(/✓ Stable sigmoid.*passed/);
    expect(rowOf(screen, 'Stable loss')).toMatch(
      /! Stable loss.*regressed: passed before, fails now/,
    );
    expect(rowOf(screen, 'Loss and gradient')).toMatch(/✗ Loss and gradient.*failing/);
    expect(rowOf(screen, 'Newton step')).toMatch(/locked · complete loss-and-grad first/);
    expect(screen).toMatch(/█{16}░{8} 2 of 3 tasks passed/);
  });

  it('moves with arrows and j/k, and Enter opens the selected lesson', async () => {
    const app = await mount(fakeServices());
    expect(rowOf(frame(app), 'The synthetic dataset')).toMatch(/^›/);
    await press(app, 'j', (screen) => rowOf(screen, 'Stable sigmoid').startsWith('›'));
    await press(app, keys.down, (screen) => rowOf(screen, 'Stable loss').startsWith('›'));
    await press(app, 'k', (screen) => rowOf(screen, 'Stable sigmoid').startsWith('›'));
    await press(app, keys.up, (screen) => rowOf(screen, 'The synthetic dataset').startsWith('›'));
    await press(app, keys.down, (screen) => rowOf(screen, 'Stable sigmoid').startsWith('›'));
    await press(app, keys.enter, 'edit /tmp/logreg-ui-workspace/01-sigmoid.ts');
  });

  it('refuses to open a locked task and says what to complete first', async () => {
    const app = await mount(fakeServices());
    await press(app, 'j', (screen) => rowOf(screen, 'Stable sigmoid').startsWith('›'));
    await press(app, 'j', (screen) => rowOf(screen, 'Stable loss').startsWith('›'));
    const screen = await press(app, keys.enter, 'Stable loss is locked: complete sigmoid first.');
    expect(screen).toContain('0 of 3 tasks passed');
    // The next key clears the notice.
    await press(app, 'k', (current) => !current.includes('is locked'));
  });

  it('draws what the progress file holds before conf has opened it, then says what was wrong with it', async () => {
    const configDir = tempDir();
    const workspaceDir = '/tmp/logreg-ui-workspace';
    const earlier = fakeServices({ configDir, workspaceDir });
    earlier.progress.recordResult(
      workspaceDir,
      taskResult(earlier.services.course, 'sigmoid', 'pass'),
    );
    const fake = fakeServices({ configDir, workspaceDir, storeInBackground: true });
    const app = await mount(fake);
    expect(rowOf(frame(app), 'Stable sigmoid')).toContain('✓');
    await fake.progress.whenOpen();
    expect(fake.progress.takeNotices()).toEqual([]);

    // A damaged file: nothing recorded on the first frame; the notice once the store is open.
    writeFileSync(path.join(configDir, 'progress.json'), '{ not json');
    const damaged = fakeServices({ configDir, workspaceDir, storeInBackground: true });
    const second = await mount(damaged);
    expect(frame(second)).toContain('0 of 3 tasks passed');
    await waitForText(second, 'Your progress file could not be read');
  });

  it('resumes where the student left off: the cursor on the last lesson opened', async () => {
    const fake = fakeServices();
    fake.progress.setLastLesson(fake.services.workspaceDir, 'sigmoid');
    const app = await mount(fake);
    expect(rowOf(frame(app), 'Stable sigmoid')).toMatch(/^›/);
    await waitForText(app, '01-sigmoid.ts · 0 checks run · 0 hints seen');
  });
});
