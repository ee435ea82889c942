// questions.json is lesson content too: a broken one is reported by file and field at start-up.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLessonsDir, loadCourse } from '../../../src/lessons/load.js';
import { tempDir } from '../../helpers/temp.js';

function copyOfLessons(): string {
  const dir = path.join(tempDir(), 'lessons');
  cpSync(defaultLessonsDir(), dir, { recursive: true });
  return dir;
}

type Json = Record<string, unknown>;

/** Edits the first question of a lesson's questions.json in place. */
function editFirstQuestion(dir: string, lesson: string, edit: (question: Json) => void): void {
  editJson(path.join(dir, lesson, 'questions.json'), (file) => {
    const first = (file.questions as Json[])[0];
    if (!first) throw new Error(`${lesson}/questions.json has no question`);
    edit(first);
  });
}

function editJson(file: string, edit: (value: Json) => void): void {
  const value = JSON.parse(readFileSync(file, 'utf8')) as Json;
  edit(value);
  writeFileSync(file, JSON.stringify(value));
}

function firstIdea(question: Json): Json {
  const idea = (question.keyIdeas as Json[])[0];
  if (!idea) throw new Error('no key idea');
  return idea;
}

describe('loadCourse: questions', () => {
  it('attaches every task its questions, in file order', () => {
    const course = loadCourse();
    expect(
      Object.fromEntries(course.tasks.map((task) => [task.id, task.questions.map((q) => q.id)])),
    ).toEqual({
      sigmoid: ['sigmoid-saturation'],
      'bce-loss': ['stable-log-loss'],
      'loss-and-grad': ['gradient-derivation', 'grad-shape', 'labels-zero-one'],
      'numerical-grad': ['eps-too-small'],
      hvp: ['hvp-without-h'],
      psd: ['psd-convexity'],
      'gd-step': ['separable-weights'],
      'newton-step': ['newton-few-steps'],
    });
    const derivation = course.tasks[2]?.questions[0];
    expect(derivation?.long).toBe(true);
    expect(derivation?.keyIdeas.length).toBeGreaterThan(0);
  });

  it('gives a task without questions.json no questions', () => {
    const dir = copyOfLessons();
    rmSync(path.join(dir, '05-hvp/questions.json'));
    const hvp = loadCourse(dir).tasks.find((task) => task.id === 'hvp');
    expect(hvp?.questions).toEqual([]);
  });

  it('leaves questions out when asked (check shows none), without reading their files', () => {
    const dir = copyOfLessons();
    editFirstQuestion(dir, '01-sigmoid', (question) => {
      delete firstIdea(question).idea;
    });
    const course = loadCourse(dir, undefined, { questions: false });
    expect(course.tasks.map((task) => task.questions.length)).toEqual(course.tasks.map(() => 0));
    expect(() => loadCourse(dir)).toThrow(/01-sigmoid\/questions\.json/);
  });

  it('names the file and field of a missing key-idea line', () => {
    const dir = copyOfLessons();
    editFirstQuestion(dir, '01-sigmoid', (question) => {
      delete firstIdea(question).idea;
    });
    expect(() => loadCourse(dir)).toThrow(
      /Invalid lesson file `01-sigmoid\/questions\.json`: field `questions\.0\.keyIdeas\.0\.idea`/,
    );
  });

  it('names the term that does not compile', () => {
    const dir = copyOfLessons();
    editFirstQuestion(dir, '04-numerical-grad', (question) => {
      firstIdea(question).patterns = [{ all: [['float*'], ['ok', '/(unclosed/']] }];
    });
    expect(() => loadCourse(dir)).toThrow(
      /`04-numerical-grad\/questions\.json`: field `questions\.0\.keyIdeas\.0\.patterns\.0\.all\.1\.1`: `\/\(unclosed\/` is not a valid regular expression/,
    );
  });

  it('rejects a term with nothing to match', () => {
    const dir = copyOfLessons();
    editFirstQuestion(dir, '06-psd', (question) => {
      firstIdea(question).patterns = [{ all: [['…']] }];
    });
    expect(() => loadCourse(dir)).toThrow(
      /`06-psd\/questions\.json`: field `questions\.0\.keyIdeas\.0\.patterns\.0\.all\.0\.0`: `…` has no words/,
    );
  });

  it('rejects a window of zero words, an idea on two lines and an unknown field', () => {
    const dir = copyOfLessons();
    editFirstQuestion(dir, '07-gd-step', (question) => {
      firstIdea(question).patterns = [{ all: [['loss']], within: 0 }];
    });
    expect(() => loadCourse(dir)).toThrow(
      /`07-gd-step\/questions\.json`: field `questions\.0\.keyIdeas\.0\.patterns\.0\.within`/,
    );

    const other = copyOfLessons();
    editFirstQuestion(other, '07-gd-step', (question) => {
      firstIdea(question).idea = 'two\nlines';
    });
    expect(() => loadCourse(other)).toThrow(
      /field `questions\.0\.keyIdeas\.0\.idea`: expected one line/,
    );

    const third = copyOfLessons();
    editFirstQuestion(third, '07-gd-step', (question) => {
      question.hint = 'not a field';
    });
    expect(() => loadCourse(third)).toThrow(/`07-gd-step\/questions\.json`: field `questions\.0`/);
  });

  it('rejects a pattern that would credit an idea on one keyword, and accepts a phrase alone', () => {
    const dir = copyOfLessons();
    editFirstQuestion(dir, '07-gd-step', (question) => {
      firstIdea(question).patterns = [{ all: [['regulari*', 'weight decay']] }];
    });
    expect(() => loadCourse(dir)).toThrow(
      /`07-gd-step\/questions\.json`: field `questions\.0\.keyIdeas\.0\.patterns\.0\.all`: `regulari\*` alone would credit the idea on one word/,
    );
    const phrases = copyOfLessons();
    editFirstQuestion(phrases, '07-gd-step', (question) => {
      firstIdea(question).patterns = [{ all: [['weight decay', 'l2 penalty']] }];
    });
    expect(() => loadCourse(phrases)).not.toThrow();
  });

  it('marks the shape checkpoint as answered on one line, and refuses one line with `long`', () => {
    const shape = loadCourse().tasks[2]?.questions[1];
    expect(shape).toMatchObject({ id: 'grad-shape', long: false, oneLine: true });
    const dir = copyOfLessons();
    editFirstQuestion(dir, '03-loss-and-grad', (question) => {
      question.oneLine = true;
    });
    expect(() => loadCourse(dir)).toThrow(
      /`03-loss-and-grad\/questions\.json`: field `questions\.0\.oneLine`: question `gradient-derivation` cannot be answered both on one line and at length/,
    );
  });

  it('rejects a format version it does not know', () => {
    const dir = copyOfLessons();
    editJson(path.join(dir, '02-bce-loss/questions.json'), (file) => {
      file.formatVersion = 2;
    });
    expect(() => loadCourse(dir)).toThrow(/`02-bce-loss\/questions\.json`: field `formatVersion`/);
  });

  it('rejects a key idea id used twice in a question', () => {
    const dir = copyOfLessons();
    editFirstQuestion(dir, '08-newton-step', (question) => {
      const ideas = question.keyIdeas as Json[];
      ideas.push({ ...firstIdea(question) });
    });
    expect(() => loadCourse(dir)).toThrow(
      /`08-newton-step\/questions\.json`: field `questions\.0\.keyIdeas\.4\.id`: key idea id `quadratic-model` is used twice/,
    );
  });

  it('rejects a question id used twice in the course', () => {
    const dir = copyOfLessons();
    editFirstQuestion(dir, '02-bce-loss', (question) => {
      question.id = 'sigmoid-saturation';
    });
    expect(() => loadCourse(dir)).toThrow(
      /`02-bce-loss\/questions\.json`: field `questions\.0\.id`: question id `sigmoid-saturation` is already used in `01-sigmoid\/questions\.json`/,
    );
  });

  it('reports invalid JSON by file', () => {
    const dir = copyOfLessons();
    writeFileSync(path.join(dir, '03-loss-and-grad/questions.json'), '{ "formatVersion": 1, ');
    expect(() => loadCourse(dir)).toThrow(
      /Cannot read lesson `03-loss-and-grad\/questions\.json`: invalid JSON/,
    );
  });

  it('refuses questions on the intro lesson, which has no task', () => {
    const dir = copyOfLessons();
    cpSync(
      path.join(dir, '01-sigmoid/questions.json'),
      path.join(dir, '00-dataset/questions.json'),
    );
    expect(() => loadCourse(dir)).toThrow(
      /`00-dataset\/questions\.json`: the intro lesson has no task/,
    );
  });
});
