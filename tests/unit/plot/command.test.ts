// `logreg-tutor plot TASK`: the text the CLI prints and its exit code. The plot is the
// student's own: a wrong implementation prints a different picture than a correct one.
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Course } from '../../../src/lessons/types.js';
import { type PlotCourse, plotCommand } from '../../../src/plot/command.js';
import { plotCourse, workspace, wrongWorkspace } from './students.js';

const course = plotCourse();
const limits = { timeoutMs: 10_000 };

describe('plotCommand', () => {
  it('takes the course as loadCourse() returns it', () => {
    expectTypeOf<Course>().toExtend<PlotCourse>();
  });

  it('prints the task’s plots under a heading, 80 columns wide by default, without colour', async () => {
    const { text, exitCode } = await plotCommand({
      course,
      task: 'sigmoid',
      workspaceDir: workspace(),
      color: false,
      limits,
    });
    expect(exitCode).toBe(0);
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Task sigmoid · 01-sigmoid.ts',
      '',
      'σ(z) and its slope σ′(z) = σ(z)(1 − σ(z))',
    ]);
    expect(text).toContain('x: z from −10 to 10 · y: σ and σ′, linear');
    expect(text).not.toContain('\u001b');
    expect(Math.max(...lines.map((line) => line.length))).toBe(80);
  });

  it('fits the width it is given', async () => {
    for (const width of [40, 120]) {
      const { text } = await plotCommand({
        course,
        task: 'gd-step',
        workspaceDir: workspace(),
        width,
        color: true,
        limits,
      });
      const lengths = text.split('\n').map((line) => stripVTControlCharacters(line).length);
      expect(Math.max(...lengths)).toBe(width);
      expect(text).toContain('\u001b[34m');
    }
  });

  it('prints a different picture for a wrong implementation of the same task', async () => {
    for (const task of ['sigmoid', 'gd-step', 'numerical-grad']) {
      const options = { course, task, color: false, limits } as const;
      const right = await plotCommand({ ...options, workspaceDir: workspace() });
      const wrong = await plotCommand({ ...options, workspaceDir: wrongWorkspace(task) });
      expect(right.exitCode).toBe(0);
      expect(wrong.exitCode).toBe(0);
      expect(wrong.text).not.toBe(right.text);
    }
  }, 30_000);

  it('exits 1 and says why when the student’s code cannot be plotted', async () => {
    const { text, exitCode } = await plotCommand({
      course,
      task: 'sigmoid',
      workspaceDir: workspace({
        '01-sigmoid.ts':
          "export function sigmoid(z: number[]): number[] {\n  throw new Error('TODO: implement sigmoid');\n}\n",
      }),
      color: false,
      limits,
    });
    expect(exitCode).toBe(1);
    expect(text).toContain('No plots of 01-sigmoid.ts yet:');
    expect(text).toContain('Not implemented yet: 01-sigmoid.ts still throws');
  });

  it('exits 1 when the task file is missing from the workspace', async () => {
    const dir = workspace();
    const { text, exitCode } = await plotCommand({
      course,
      task: 'sigmoid',
      workspaceDir: `${dir}/nowhere`,
      color: false,
    });
    expect(exitCode).toBe(1);
    expect(text).toContain(`There is no 01-sigmoid.ts in ${dir}/nowhere.`);
    expect(text).toContain('--workspace DIR');
  });

  it('exits 2 for an unknown task, the intro, or a width too small, naming the value', async () => {
    const base = { course, workspaceDir: workspace(), color: false };
    const unknown = await plotCommand({ ...base, task: 'sigmod' });
    expect(unknown).toEqual({
      exitCode: 2,
      text: 'There is no task `sigmod`. Tasks with plots: sigmoid, bce-loss, loss-and-grad, numerical-grad, hvp, psd, gd-step, newton-step.',
    });
    const intro = await plotCommand({ ...base, task: 'dataset' });
    expect(intro.exitCode).toBe(2);
    expect(intro.text).toMatch(/^`dataset` is a reading lesson, with nothing to plot\./);
    const narrow = await plotCommand({ ...base, task: 'sigmoid', width: 12 });
    expect(narrow).toEqual({
      exitCode: 2,
      text: 'Expected `--width` to be a whole number of columns, at least 30, got 12.',
    });
    const notANumber = await plotCommand({ ...base, task: 'sigmoid', width: Number.NaN });
    expect(notANumber.text).toContain('got NaN');
  });
});
