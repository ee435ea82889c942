// A broken lesson must be reported by file and field when the tutor starts, not on a screen.
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksByLesson } from '../../../lessons/checks.js';
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
    expect(() => loadCourse(dir)).toThrow(
      /field `checkHints` names a check `no such check` that field `checks` does not list/,
    );
  });

  it('rejects a lesson without registered checks', () => {
    expect(() => loadCourse(defaultLessonsDir(), {})).toThrow(
      /Cannot load lesson `01-sigmoid`: lessons\/checks\.ts registers no checks for it \(`01-sigmoid\/lesson\.json` lists 9 in field `checks`\)/,
    );
  });

  it('names the field where lesson.json and the given checks name a check differently', () => {
    const dir = copyOfLessons();
    editJson(path.join(dir, '01-sigmoid/lesson.json'), (lesson) => {
      (lesson.checks as string[])[2] = 'σ(z) right';
    });
    expect(() => loadCourse(dir, checksByLesson)).toThrow(
      /^`01-sigmoid\/lesson\.json`: field `checks\.2` is `σ\(z\) right`, but `01-sigmoid\/checks\.ts` names it `σ\(z\) correct for −30 ≤ z ≤ 30`\. lesson\.json lists the checks that checks\.ts implements: the same names, in the same order\.$/,
    );
    expect(() => validateLessons(dir, checksByLesson)).toThrow(
      /field `checks\.2` is `σ\(z\) right`/,
    );
  });

  it('names the field where lesson.json lists more or fewer checks than the given ones', () => {
    const dir = copyOfLessons();
    const file = path.join(dir, '02-bce-loss/lesson.json');
    editJson(file, (lesson) => {
      (lesson.checks as string[]).push('sums to one');
    });
    expect(() => loadCourse(dir, checksByLesson)).toThrow(
      /`02-bce-loss\/lesson\.json`: field `checks\.6` is `sums to one`, but `02-bce-loss\/checks\.ts` has only 6 checks\./,
    );
    editJson(file, (lesson) => {
      (lesson.checks as string[]).splice(5);
    });
    expect(() => loadCourse(dir, checksByLesson)).toThrow(
      /`02-bce-loss\/lesson\.json`: field `checks` lists 5 checks, but `02-bce-loss\/checks\.ts` has 6; the next is `leaves its arguments as they were`\./,
    );
  });

  it('rejects two checks of a task with one name', () => {
    const dir = copyOfLessons();
    editJson(path.join(dir, '06-psd/lesson.json'), (lesson) => {
      (lesson.checks as string[])[3] = 'equals v·(Hv)';
    });
    expect(() => loadCourse(dir)).toThrow(
      /`06-psd\/lesson\.json`: field `checks\.3`: `equals v·\(Hv\)` is also `checks\.1`; each check needs a name of its own\./,
    );
  });

  it('needs the checks listed in every task lesson.json', () => {
    const dir = copyOfLessons();
    editJson(path.join(dir, '07-gd-step/lesson.json'), (lesson) => {
      delete lesson.checks;
    });
    expect(() => loadCourse(dir)).toThrow(
      /Invalid lesson file `07-gd-step\/lesson\.json`: field `checks`/,
    );
  });
});

describe('files the build validated', () => {
  const jsonFiles = (dir: string) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.json') && !file.startsWith('workspace'))
      .map((file) => file.split(path.sep).join('/'))
      .sort();

  it('lists every JSON file of the lessons', () => {
    expect(Object.keys(validateLessons(defaultLessonsDir(), checksByLesson)).sort()).toEqual(
      jsonFiles(defaultLessonsDir()),
    );
  });

  it('gives the same course taken as validated as validated again', () => {
    const validated = validateLessons(defaultLessonsDir(), checksByLesson);
    expect(loadCourse(undefined, undefined, { validated })).toEqual(
      loadCourse(undefined, undefined, { validated: {} }),
    );
  });

  it('validates a file whose text has changed since', () => {
    const validated = validateLessons(defaultLessonsDir(), checksByLesson);
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
    const validated = validateLessons(dir, checksByLesson);
    expect(validated['course.json']).toBeUndefined();
    expect(loadCourse(dir, undefined, { validated }).checklist).toEqual([]);
  });
});
