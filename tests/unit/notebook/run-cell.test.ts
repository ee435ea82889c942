import { describe, expect, it } from 'vitest';
import { cellsByLesson } from '../../../lessons/cells.js';
import { defineCell, type NotebookCell } from '../../../src/notebook/cell.js';
import { runCell } from '../../../src/notebook/run-cell.js';
import { course, makeWorkspace, solvedFiles, task } from '../../helpers/workspace.js';

describe('the cells', () => {
  it('every lesson of the lab has one, and no cell is left over', () => {
    expect(Object.keys(cellsByLesson)).toEqual(course().lessons.map((lesson) => lesson.id));
  });

  it('only section 0 runs no student code', () => {
    const tutorOnly = Object.entries(cellsByLesson).filter(([, cell]) => cell.kind === 'tutor');
    expect(tutorOnly.map(([id]) => id)).toEqual(['dataset']);
  });
});

describe('runCell', () => {
  const sigmoid = { ...task('sigmoid'), kind: 'task' as const };

  it('a check the cell never reached is not OK, and the run says why it stopped', async () => {
    const stopsEarly = defineCell({
      kind: 'student',
      checks: ['first', 'second'],
      async run(t, out) {
        out.check('first', true);
        await t.call(['not a vector']);
        out.check('second', true);
      },
    });
    const dir = makeWorkspace({
      [sigmoid.file]:
        "export function sigmoid(z: number[]) {\n  throw new Error('TODO: write it');\n}\n",
    });
    const result = await runCell(sigmoid, { workspaceDir: dir }, { sigmoid: stopsEarly });
    expect(result).toMatchObject({ status: 'fail', notImplemented: true });
    expect(result.error).toMatch(/^Not implemented yet: 01-sigmoid\.ts/);
    expect(result.checks).toEqual([
      { name: 'first', ok: true },
      { name: 'second', ok: false },
    ]);
  });

  it('a check the cell does not declare is a bug of the course, not a verdict', async () => {
    const undeclared: NotebookCell = {
      kind: 'tutor',
      checks: ['shapes'],
      run: (out) => out.check('other', true),
    };
    await expect(
      runCell({ kind: 'intro', id: 'dataset' }, { workspaceDir: '.' }, { dataset: undeclared }),
    ).rejects.toThrow('The cell has no check `other`.');
  });

  it('rejects a lesson without a cell', async () => {
    await expect(runCell(sigmoid, { workspaceDir: '.' }, {})).rejects.toThrow(
      'Lesson `sigmoid` has no notebook cell.',
    );
  });

  it('the Newton cell passes with the reference step, from the notebook w0', async () => {
    const dir = makeWorkspace(solvedFiles());
    const result = await runCell({ ...task('newton-step'), kind: 'task' }, { workspaceDir: dir });
    expect(result.checks).toEqual([{ name: 'newton_decreased', ok: true }]);
    const [loss0, loss1] = result.lines.map((line) => Number(line.value));
    expect(loss1).toBeLessThan(loss0 ?? 0);
  });
});
