import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  backupFolder,
  backupName,
  inspectWorkspace,
  missingFiles,
  missingTaskFiles,
  resetTask,
  resolveWorkspaceDir,
  scaffoldWorkspace,
  workspaceTemplate,
} from '../../../src/engine/workspace.js';
import type { Course, TaskLesson } from '../../../src/lessons/types.js';
import { tempDir } from '../../helpers/workspace.js';

// A two-task course: the workspace code needs only file names, starters and template files.
function fakeTask(id: string, file: string): TaskLesson {
  return {
    kind: 'task',
    id,
    dir: file.replace(/\.ts$/, ''),
    title: id,
    section: '1',
    text: '',
    file,
    exportName: id,
    params: [],
    signature: `${id}(): number`,
    bonus: false,
    requires: null,
    learned: '',
    hints: ['one'],
    checkHints: {},
    mistakes: {},
    starter: `export function ${id}(): number {\n  throw new Error('TODO: ${id}');\n}\n`,
    solution: `export function ${id}(): number {\n  return 1;\n}\n`,
    checks: [],
    questions: [],
  };
}

const tasks = [fakeTask('sigmoid', '01-sigmoid.ts'), fakeTask('bceLoss', '02-bce-loss.ts')];
const course: Course = {
  title: 'Fake lab',
  sections: [{ id: '1', title: 'One', lessons: tasks }],
  lessons: tasks,
  tasks,
  checklist: [],
  workspaceFiles: {
    'lab.ts': 'export type Vector = number[];\n',
    'tsconfig.json': '{}\n',
    'README.md': '# Lab\n',
  },
};
const [sigmoid] = tasks as [TaskLesson, TaskLesson];
const allFiles = ['lab.ts', 'tsconfig.json', 'README.md', '01-sigmoid.ts', '02-bce-loss.ts'];

describe('workspaceTemplate', () => {
  it('holds the workspace files and every starter under its file name', () => {
    const files = workspaceTemplate(course);
    expect(Object.keys(files)).toEqual(allFiles);
    expect(files['01-sigmoid.ts']).toBe(sigmoid.starter);
  });
});

describe('scaffoldWorkspace', () => {
  it('creates the folder (parents too) with every file', () => {
    const dir = path.join(tempDir(), 'deep', 'lab');
    const result = scaffoldWorkspace(course, dir);
    expect(result).toEqual({ dir, created: allFiles, kept: [] });
    expect(readFileSync(path.join(dir, '01-sigmoid.ts'), 'utf8')).toBe(sigmoid.starter);
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('# Lab\n');
  });

  it('never overwrites a file, and restores only what was deleted', () => {
    const dir = tempDir();
    scaffoldWorkspace(course, dir);
    writeFileSync(path.join(dir, '01-sigmoid.ts'), 'my work');
    rmSync(path.join(dir, '02-bce-loss.ts'));
    const again = scaffoldWorkspace(course, dir);
    expect(again.created).toEqual(['02-bce-loss.ts']);
    expect(again.kept).toEqual(['lab.ts', 'tsconfig.json', 'README.md', '01-sigmoid.ts']);
    expect(readFileSync(path.join(dir, '01-sigmoid.ts'), 'utf8')).toBe('my work');
  });

  it('returns an absolute path for a relative folder', () => {
    const parent = tempDir();
    const relative = path.relative(process.cwd(), path.join(parent, 'lab'));
    expect(scaffoldWorkspace(course, relative).dir).toBe(path.join(parent, 'lab'));
  });

  it('names the folder when it cannot be created', () => {
    const file = path.join(tempDir(), 'a-file');
    writeFileSync(file, '');
    expect(() => scaffoldWorkspace(course, path.join(file, 'lab'))).toThrow(
      /Failed to create the workspace folder `.*a-file.lab`/,
    );
  });
});

describe('resolveWorkspaceDir', () => {
  it('prefers the option, resolved against the current folder', () => {
    const cwd = tempDir();
    expect(resolveWorkspaceDir({ option: 'mine', remembered: cwd, cwd })).toEqual({
      dir: path.join(cwd, 'mine'),
      source: 'option',
    });
  });

  it('uses the current folder when it is a workspace', () => {
    const cwd = tempDir();
    const other = tempDir();
    writeFileSync(path.join(cwd, 'lab.ts'), '');
    expect(resolveWorkspaceDir({ remembered: other, cwd })).toEqual({
      dir: cwd,
      source: 'current',
    });
  });

  it('then the remembered one, if it is still there', () => {
    const cwd = tempDir();
    const remembered = tempDir();
    expect(resolveWorkspaceDir({ remembered, cwd })).toEqual({
      dir: remembered,
      source: 'remembered',
    });
    expect(resolveWorkspaceDir({ remembered: path.join(remembered, 'gone'), cwd })).toEqual({
      dir: path.join(cwd, 'logreg-lab'),
      source: 'default',
    });
  });

  it('else ./logreg-lab', () => {
    const cwd = tempDir();
    expect(resolveWorkspaceDir({ option: '', cwd })).toEqual({
      dir: path.join(cwd, 'logreg-lab'),
      source: 'default',
    });
  });
});

describe('inspectWorkspace', () => {
  it('tells a workspace from a missing folder, a file and an unrelated folder', () => {
    const parent = tempDir();
    expect(inspectWorkspace(course, path.join(parent, 'nope'))).toEqual({ kind: 'missing' });
    writeFileSync(path.join(parent, 'file'), '');
    expect(inspectWorkspace(course, path.join(parent, 'file'))).toEqual({ kind: 'not-a-folder' });
    mkdirSync(path.join(parent, 'empty'));
    expect(inspectWorkspace(course, path.join(parent, 'empty'))).toEqual({
      kind: 'not-a-workspace',
    });
    expect(
      inspectWorkspace(course, scaffoldWorkspace(course, path.join(parent, 'lab')).dir),
    ).toEqual({ kind: 'ok' });
  });

  it('still knows a workspace whose lab.ts was deleted', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '02-bce-loss.ts'), '');
    expect(inspectWorkspace(course, dir)).toEqual({ kind: 'ok' });
  });
});

describe('missing files', () => {
  it('lists deleted template files and tasks', () => {
    const dir = scaffoldWorkspace(course, tempDir()).dir;
    expect(missingFiles(course, dir)).toEqual([]);
    rmSync(path.join(dir, 'lab.ts'));
    rmSync(path.join(dir, '01-sigmoid.ts'));
    expect(missingFiles(course, dir)).toEqual(['lab.ts', '01-sigmoid.ts']);
    expect(missingTaskFiles(course, dir).map((task) => task.id)).toEqual(['sigmoid']);
  });
});

describe('resetTask', () => {
  const now = new Date('2026-11-28T12:01:03.456Z');

  it("backs the student's file up, then restores the starter", () => {
    const dir = scaffoldWorkspace(course, tempDir()).dir;
    writeFileSync(path.join(dir, '01-sigmoid.ts'), 'my work');
    const result = resetTask(sigmoid, dir, now);
    expect(result).toEqual({
      file: '01-sigmoid.ts',
      backup: path.join('.backups', '01-sigmoid.2026-11-28T12-01-03.ts'),
    });
    expect(readFileSync(path.join(dir, result.backup ?? ''), 'utf8')).toBe('my work');
    expect(readFileSync(path.join(dir, '01-sigmoid.ts'), 'utf8')).toBe(sigmoid.starter);
  });

  it('never overwrites an earlier backup from the same second', () => {
    const dir = scaffoldWorkspace(course, tempDir()).dir;
    writeFileSync(path.join(dir, '01-sigmoid.ts'), 'first');
    resetTask(sigmoid, dir, now);
    writeFileSync(path.join(dir, '01-sigmoid.ts'), 'second');
    expect(resetTask(sigmoid, dir, now).backup).toBe(
      path.join('.backups', '01-sigmoid.2026-11-28T12-01-03_2.ts'),
    );
    const backups = readdirSync(path.join(dir, backupFolder)).sort();
    expect(backups.map((name) => readFileSync(path.join(dir, backupFolder, name), 'utf8'))).toEqual(
      ['first', 'second'],
    );
  });

  it('makes no backup of an untouched starter', () => {
    const dir = scaffoldWorkspace(course, tempDir()).dir;
    expect(resetTask(sigmoid, dir, now)).toEqual({ file: '01-sigmoid.ts', reason: 'unchanged' });
    expect(existsSync(path.join(dir, backupFolder))).toBe(false);
  });

  it('restores a deleted file without a backup', () => {
    const dir = scaffoldWorkspace(course, tempDir()).dir;
    rmSync(path.join(dir, '01-sigmoid.ts'));
    expect(resetTask(sigmoid, dir, now)).toEqual({ file: '01-sigmoid.ts', reason: 'missing' });
    expect(readFileSync(path.join(dir, '01-sigmoid.ts'), 'utf8')).toBe(sigmoid.starter);
  });
});

describe('backupName', () => {
  it('sorts by time and has no colon', () => {
    expect(backupName('08-newton-step.ts', new Date('2026-01-02T03:04:05Z'))).toBe(
      '08-newton-step.2026-01-02T03-04-05.ts',
    );
    expect(backupName('08-newton-step.ts', new Date('2026-01-02T03:04:05Z'), 3)).toBe(
      '08-newton-step.2026-01-02T03-04-05_3.ts',
    );
  });
});
