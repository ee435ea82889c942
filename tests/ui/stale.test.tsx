// The map at start-up when task files changed while the tutor was closed: marked, re-checked in
// the background after the first frame, one at a time, and pre-empted by the student's own work.
import { afterEach, describe, expect, it } from 'vitest';
import type { TaskResult } from '../../src/engine/types.js';
import { type Fake, fakeServices, taskResult } from '../helpers/fake-services.js';
import {
  frame,
  keys,
  press,
  renderApp,
  unmountAll,
  waitForFrame,
  waitForText,
  waitUntil,
} from '../helpers/ink.js';

afterEach(unmountAll);

/** The map row of a lesson. */
function rowOf(screen: string, title: string): string {
  return screen.split('\n').find((line) => line.includes(title)) ?? '';
}

/** Sigmoid passed, then bce-loss passed and later failed: the map says bce-loss regressed. */
function regressed(): Fake {
  const fake = fakeServices();
  const { course, workspaceDir } = fake.services;
  fake.progress.recordResult(workspaceDir, taskResult(course, 'sigmoid', 'pass'));
  fake.progress.recordResult(workspaceDir, taskResult(course, 'bce-loss', 'pass'));
  fake.progress.recordResult(
    workspaceDir,
    taskResult(course, 'bce-loss', 'fail', { failing: { shape: { message: 'x' } } }),
  );
  return fake;
}

function withSources(result: TaskResult, hash: string): TaskResult {
  return { ...result, sources: { [result.file]: hash } };
}

async function answer(fake: Fake, taskId: string, result: TaskResult): Promise<void> {
  await waitUntil(
    () => fake.controls.pending.some((pending) => pending.taskId === taskId),
    `${taskId} is checked`,
  );
  fake.controls.pending.find((pending) => pending.taskId === taskId)?.resolve(result);
}

describe('the map at start-up', () => {
  it('shows a regressed task whose file was fixed while the tutor was closed as passed, once checked in the background', async () => {
    const fake = regressed();
    fake.controls.stale = [{ taskId: 'bce-loss', reason: 'changed' }];
    const app = await renderApp(fake);
    const checking = await waitForText(app, 'changed since last check · checking…');
    expect(rowOf(checking, 'Stable loss')).toMatch(
      /~ Stable loss\s+02-bce-loss\.ts\s+changed since last check · checking…/,
    );
    expect(checking).not.toContain('regressed');
    expect(fake.controls.checked).toEqual(['bce-loss']);

    const { course, workspaceDir } = fake.services;
    await answer(fake, 'bce-loss', withSources(taskResult(course, 'bce-loss', 'pass'), 'fixed'));
    const after = await waitForFrame(app, (screen) =>
      /✓ Stable loss.*passed/.test(rowOf(screen, 'Stable loss')),
    );
    expect(after).not.toContain('changed since last check');
    // Recorded like any other check, with the hashes of the files it read.
    expect(fake.progress.workspace(workspaceDir).tasks['bce-loss']).toMatchObject({
      attempts: 3,
      lastStatus: 'pass',
      sources: { '02-bce-loss.ts': 'fixed' },
    });
  });

  it('checks the changed tasks one at a time, each row updated as its check finishes', async () => {
    const fake = regressed();
    fake.controls.stale = [
      { taskId: 'sigmoid', reason: 'changed' },
      { taskId: 'bce-loss', reason: 'changed' },
    ];
    const app = await renderApp(fake);
    const first = await waitForText(app, 'changed since last check · checking…');
    expect(rowOf(first, 'Stable sigmoid')).toContain('changed since last check · checking…');
    expect(rowOf(first, 'Stable loss')).toContain('changed since last check · queued');
    expect(fake.controls.pending.map((pending) => pending.taskId)).toEqual(['sigmoid']);

    const { course } = fake.services;
    const failing = taskResult(course, 'sigmoid', 'fail', { failing: { shape: { message: 'x' } } });
    await answer(fake, 'sigmoid', failing);
    const second = await waitForFrame(app, (screen) =>
      rowOf(screen, 'Stable loss').includes('checking…'),
    );
    expect(rowOf(second, 'Stable sigmoid')).toMatch(/! Stable sigmoid.*regressed/);
    await answer(fake, 'bce-loss', taskResult(course, 'bce-loss', 'pass'));
    await waitForFrame(app, (screen) => /✓ Stable loss.*passed/.test(rowOf(screen, 'Stable loss')));
    expect(fake.controls.checked).toEqual(['sigmoid', 'bce-loss']);
  });

  it('gives way when a task is opened, and goes on once its check is done', async () => {
    const fake = regressed();
    fake.progress.setLastLesson(fake.services.workspaceDir, 'sigmoid');
    fake.controls.stale = [
      { taskId: 'bce-loss', reason: 'changed' },
      { taskId: 'sigmoid', reason: 'changed' },
    ];
    const app = await renderApp(fake);
    await waitForText(app, 'changed since last check · checking…');
    const background = fake.controls.pending[0];
    expect(background?.taskId).toBe('bce-loss');

    await press(app, keys.enter, 'edit /tmp/logreg-ui-workspace/01-sigmoid.ts');
    expect(background?.signal.aborted).toBe(true);
    expect(fake.controls.pending.map((pending) => pending.taskId)).toEqual(['sigmoid']);

    // The student's own check answers sigmoid; the background takes up bce-loss again.
    await answer(fake, 'sigmoid', taskResult(fake.services.course, 'sigmoid', 'pass'));
    await waitUntil(
      () => fake.controls.pending.some((pending) => pending.taskId === 'bce-loss'),
      'bce-loss is checked again',
    );
    expect(fake.controls.checked).toEqual(['bce-loss', 'sigmoid', 'bce-loss']);
    await press(app, keys.escape, 'changed since last check · checking…');
    expect(rowOf(frame(app), 'Stable sigmoid')).toMatch(/✓ Stable sigmoid.*passed/);
  });

  it('starts the check in flight again on a save, and stops it on quitting', async () => {
    const fake = regressed();
    fake.controls.stale = [{ taskId: 'bce-loss', reason: 'changed' }];
    const app = await renderApp(fake);
    await waitForText(app, 'changed since last check · checking…');
    const first = fake.controls.pending[0];
    fake.controls.save('02-bce-loss.ts');
    await waitUntil(() => first?.signal.aborted === true, 'the first check is cancelled');
    await waitUntil(() => fake.controls.pending.length === 1, 'bce-loss is checked again');
    const second = fake.controls.pending[0];
    expect(second).not.toBe(first);
    expect(second?.taskId).toBe('bce-loss');

    app.stdin.write('q');
    await waitUntil(() => second?.signal.aborted === true, 'quitting cancels the check');
  });

  it('keeps an old record without hashes as it is until its check runs, and says less when the check fails', async () => {
    const fake = regressed();
    fake.controls.stale = [
      { taskId: 'sigmoid', reason: 'unknown' },
      { taskId: 'bce-loss', reason: 'changed' },
    ];
    const app = await renderApp(fake);
    const first = await waitForText(app, 'checking again…');
    expect(rowOf(first, 'Stable sigmoid')).toContain('checking again…');
    expect(rowOf(first, 'Stable loss')).toContain('changed since last check · queued');
    fake.controls.pending[0]?.reject(new Error('the sandbox broke'));
    const second = await waitForFrame(app, (screen) =>
      rowOf(screen, 'Stable loss').includes('checking…'),
    );
    // Recorded by an older tutor: its verdict stays as it was.
    expect(rowOf(second, 'Stable sigmoid')).toMatch(/✓ Stable sigmoid.*passed/);
    fake.controls.pending[0]?.reject(new Error('the sandbox broke'));
    await waitForFrame(app, (screen) =>
      rowOf(screen, 'Stable loss').includes('changed since last check · open it to check'),
    );
    expect(frame(app)).not.toContain('regressed');
  });
});
