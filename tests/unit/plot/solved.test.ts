// The plots of the real lab: every task's reference solution, in a solved workspace, draws
// every plot of its task with finite numbers only (no note about NaN or Infinity).
import { describe, expect, it } from 'vitest';
import { plotCommand } from '../../../src/plot/command.js';
import { computePlots } from '../../../src/plot/compute.js';
import { plottedTaskIds } from '../../../src/plot/definitions.js';
import { renderPlots } from '../../../src/plot/render.js';
import { course, makeWorkspace, solvedFiles } from '../../helpers/workspace.js';

describe('plots of the lab’s reference solutions', () => {
  it('covers exactly the lab’s tasks, in course order', () => {
    expect(plottedTaskIds).toEqual(course().tasks.map((task) => task.id));
  });

  it('draws every plot of every task, with nothing to note', async () => {
    const dir = makeWorkspace(solvedFiles());
    for (const task of course().tasks) {
      const result = await computePlots(task, { workspaceDir: dir, limits: { timeoutMs: 10_000 } });
      expect(result.status, task.id).toBe('drawn');
      const text = renderPlots(result, { width: 80, color: false });
      expect(text, task.id).not.toContain('Note:');
    }
  }, 60_000);

  it('says “not implemented yet” for every untouched starter', async () => {
    const starters = Object.fromEntries(course().tasks.map((task) => [task.file, task.starter]));
    const dir = makeWorkspace(starters);
    for (const task of course().tasks) {
      const result = await computePlots(task, { workspaceDir: dir, limits: { timeoutMs: 10_000 } });
      expect(result.status, task.id).toBe('failed');
      expect(result.error, task.id).toMatch(/^Not implemented yet: /);
    }
  }, 60_000);

  it('prints them with the real course', async () => {
    const { text, exitCode } = await plotCommand({
      course: course(),
      task: 'newton-step',
      workspaceDir: makeWorkspace(solvedFiles()),
      color: false,
    });
    expect(exitCode).toBe(0);
    expect(text.split('\n')[0]).toMatch(/· 08-newton-step\.ts$/);
  });
});
