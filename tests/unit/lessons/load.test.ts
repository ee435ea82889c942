// A broken lesson must be reported by file and field when the tutor starts, not on a screen.
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLessonsDir, loadCourse, validateLessons } from '../../../src/lessons/load.js';
import { tempDir } from '../../helpers/temp.js';

function copyOfLessons(): string {
  const dir = path.join(tempDir(), 'lessons');
  cpSync(defaultLessonsDir(), dir, { recursive: true });
  return dir;
}

function editJson(file: string, edit: (value: Record<string, unknown>) => void): void {
  const value = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(value);
  writeFileSync(file, JSON.stringify(value));
}

describe('loadCourse', () => {
  it('loads the lab in the seed notebook order', () => {
    const course = loadCourse();
    expect(course.sections.map((section) => section.id)).toEqual(['0', '1', '2', '3', '4']);
    expect(course.lessons[0]?.kind).toBe('intro');
    expect(course.tasks.map((task) => `${task.id}:${task.file}:${task.exportName}`)).toEqual([
      'sigmoid:01-sigmoid.ts:sigmoid',
      'bce-loss:02-bce-loss.ts:bceLoss',
      'loss-and-grad:03-loss-and-grad.ts:lossAndGrad',
      'numerical-grad:04-numerical-grad.ts:numericalGrad',
      'hvp:05-hvp.ts:hvp',
      'psd:06-psd.ts:vHv',
      'gd-step:07-gd-step.ts:gdStep',
      'newton-step:08-newton-step.ts:newtonStep',
    ]);
    expect(course.tasks.filter((task) => task.bonus).map((task) => task.id)).toEqual([
      'newton-step',
    ]);
    expect(Object.keys(course.workspaceFiles).sort()).toEqual([
      'README.md',
      'lab.ts',
      'sandbox-globals.d.ts',
      'tsconfig.json',
    ]);
  });

  it('merges the common mistakes into every task', () => {
    for (const task of loadCourse().tasks) expect(task.mistakes['mutates-argument']).toBeDefined();
  });

  it('names the file and field of an invalid lesson.json', () => {
    const dir = copyOfLessons();
    editJson(path.join(dir, '02-bce-loss/lesson.json'), (lesson) => {
      lesson.hints = [];
    });
    expect(() => loadCourse(dir)).toThrow(
      /Invalid lesson file `02-bce-loss\/lesson\.json`: field `hints`/,
    );
  });

  it('names a missing file', () => {
    const dir = copyOfLessons();
    rmSync(path.join(dir, '03-loss-and-grad/lesson.md'));
    expect(() => loadCourse(dir)).toThrow(/Cannot read lesson `03-loss-and-grad\/lesson\.md`/);
  });

  it('rejects a format version it does not know', () => {
    const dir = copyOfLessons();
    editJson(path.join(dir, 'course.json'), (course) => {
      course.formatVersion = 2;
    });
    expect(() => loadCourse(dir)).toThrow(/`course\.json`: field `formatVersion`/);
  });

  it("reads the submission checklist's task items from course.json", () => {
    expect(loadCourse().checklist).toEqual([
      {
        id: 'gradient',
        label: 'Gradient check passes',
        tasks: ['loss-and-grad', 'numerical-grad'],
      },
      { id: 'psd', label: 'PSD check passes', tasks: ['hvp', 'psd'] },
    ]);
  });

  it('rejects a checklist item naming a task the course does not have, or a taken id', () => {
    const dir = copyOfLessons();
    const file = path.join(dir, 'course.json');
    editJson(file, (course) => {
      (course.checklist as { tasks: string[] }[])[1]?.tasks.push('hessian');
    });
    expect(() => loadCourse(dir)).toThrow(
      /`course\.json`: field `checklist\.1\.tasks\.2`: `hessian` is not a task id/,
    );
    editJson(file, (course) => {
      course.checklist = [{ id: 'questions', label: 'Questions', tasks: ['sigmoid'] }];
    });
    expect(() => loadCourse(dir)).toThrow(/field `checklist\.0\.id`: `questions` is already/);
  });

  it('rejects a prerequisite that is not a task', () => {
    const dir = copyOfLessons();
    editJson(path.join(dir, '05-hvp/lesson.json'), (lesson) => {
      lesson.requires = 'nothing';
    });
    expect(() => loadCourse(dir)).toThrow(
      /`05-hvp\/lesson\.json`: field `requires` names `nothing`/,
    );
  });

  it('rejects a check hint for a check that does not exist', () => {
    const dir = copyOfLessons();
    editJson(path.join(dir, '01-sigmoid/lesson.json'), (lesson) => {
      lesson.checkHints = { 'no such check': 'hint' };
    });
    expect(() => loadCourse(dir)).toThrow(/names a check `no such check`/);
  });

  it('rejects a lesson without registered checks', () => {
    expect(() => loadCourse(defaultLessonsDir(), {})).toThrow(/registers no checks for it/);
  });
});

describe('files the build validated', () => {
  const jsonFiles = (dir: string) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.json') && !file.startsWith('workspace'))
      .map((file) => file.split(path.sep).join('/'))
      .sort();

  it('lists every JSON file of the lessons', () => {
    expect(Object.keys(validateLessons()).sort()).toEqual(jsonFiles(defaultLessonsDir()));
  });

  it('gives the same course taken as validated as validated again', () => {
    const validated = validateLessons();
    expect(loadCourse(undefined, undefined, { validated })).toEqual(
      loadCourse(undefined, undefined, { validated: {} }),
    );
  });

  it('validates a file whose text has changed since', () => {
    const validated = validateLessons();
    const dir = copyOfLessons();
    editJson(path.join(dir, '02-bce-loss/lesson.json'), (lesson) => {
      lesson.hints = [];
    });
    expect(() => loadCourse(dir, undefined, { validated })).toThrow(
      /Invalid lesson file `02-bce-loss\/lesson\.json`: field `hints`/,
    );
  });

  it('does not list a file that validating changes (a default filled in)', () => {
    const dir = copyOfLessons();
    editJson(path.join(dir, 'course.json'), (course) => {
      delete course.checklist;
    });
    const validated = validateLessons(dir);
    expect(validated['course.json']).toBeUndefined();
    expect(loadCourse(dir, undefined, { validated }).checklist).toEqual([]);
  });
});
