// Reads `lessons/` (course.json, each lesson's folder, the workspace templates) into a Course,
// validating each file the build did not, so a broken lesson is reported by file and field
// instead of failing later on a screen. The schemas themselves (zod) are in lesson-schemas.ts:
// this module never imports them, so that a start whose files are all validated (the shipped
// lessons, unedited) loads no zod before the tutor's first frame. load.ts is the synchronous
// API the commands' tests and the build use.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type * as z from 'zod';
import { type ChecksByLesson, implementedChecks, lazyChecks } from './lazy-checks.js';
import type { LessonSchemas } from './lesson-schemas.js';
import type { ChecklistGroup, Course, Lesson, Mistake, Section, TaskLesson } from './types.js';

/** The lesson format this tutor reads (`formatVersion` in course.json and lesson.json). */
export const lessonFormatVersion = 1;

/** The `lessons/` folder shipped with the tutor (found from this file, bundled or not). */
export function defaultLessonsDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++) {
    const candidate = path.join(dir, 'lessons');
    if (existsSync(path.join(candidate, 'course.json'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('Cannot find the `lessons/` folder next to the tutor: reinstall logreg-tutor.');
}

/**
 * Lesson files already validated, by path in `lessons/` and the SHA-256 of their text. The build
 * validates the shipped lessons and writes this list to dist/lessons-validated.json; a load then
 * takes a file whose text still matches as it is, since the same schema passed the same text
 * (validating every file, key-idea terms included, is ~35 ms of every start). An edited file, or
 * a lessons folder of one's own, does not match and is validated as always.
 */
export type ValidatedFiles = Readonly<Record<string, string>>;

// Beside the built chunk that holds this module: dist/lessons-validated.json. Running from the
// sources, there is none, and every file is validated.
const validatedFilesUrl = new URL('./lessons-validated.json', import.meta.url);

let shippedValidatedFiles: ValidatedFiles | undefined;

function readValidatedFiles(): ValidatedFiles {
  if (shippedValidatedFiles === undefined) {
    try {
      shippedValidatedFiles = JSON.parse(readFileSync(validatedFilesUrl, 'utf8')) as ValidatedFiles;
    } catch {
      // Not built, or unreadable: nothing is taken as validated.
      shippedValidatedFiles = {};
    }
  }
  return shippedValidatedFiles;
}

function textHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** What `loadCourse` reads besides the lessons themselves. */
export interface LoadOptions {
  /**
   * Read and validate each task's questions.json (default). `check` never shows a question or
   * unlocks a lesson, so it leaves them out (every task's `questions` is then empty) and skips
   * compiling their key-idea terms, a good part of the load.
   */
  readonly questions?: boolean;
  /** Files to take as validated (see ValidatedFiles); default: the list the build wrote. */
  readonly validated?: ValidatedFiles;
}

/** Validates a lesson file's parsed JSON as a file of that kind; throws naming file and field. */
export type Validator = <Kind extends keyof LessonSchemas>(
  kind: Kind,
  value: unknown,
  file: string,
) => z.output<LessonSchemas[Kind]>;

/** Thrown by a load without a validator that meets a file the build did not validate. */
class NotValidated extends Error {}

/**
 * The course, as `loadCourse` (load.ts) gives it. zod is imported only if a file needs
 * validating: the shipped lessons, unedited, never do.
 */
export async function loadCourseLazily(
  lessonsDir = defaultLessonsDir(),
  options: LoadOptions = {},
): Promise<Course> {
  try {
    return loadFiles(lessonsDir, undefined, options, undefined);
  } catch (error) {
    if (!(error instanceof NotValidated)) throw error;
  }
  const { validateLessonFile } = await import('./lesson-schemas.js');
  return loadFiles(lessonsDir, undefined, options, validateLessonFile);
}

/**
 * Reads the course, validating with `validate` each file not listed as validated (without it,
 * such a file throws NotValidated). With `record`, also notes there each file that could be
 * taken as validated.
 */
export function loadFiles(
  lessonsDir: string,
  checks: ChecksByLesson | undefined,
  options: LoadOptions,
  validate: Validator | undefined,
  record?: Record<string, string>,
): Course {
  const withQuestions = options.questions ?? true;
  const validated = options.validated ?? readValidatedFiles();
  const read = (relative: string) => readText(lessonsDir, relative);
  const valid = <Kind extends keyof LessonSchemas>(
    kind: Kind,
    relative: string,
  ): z.output<LessonSchemas[Kind]> => {
    const text = read(relative);
    const value = parseJson(text, relative);
    const hash = validated[relative] !== undefined || record ? textHash(text) : undefined;
    if (hash !== undefined && validated[relative] === hash)
      return value as z.output<LessonSchemas[Kind]>;
    if (!validate) throw new NotValidated(relative);
    const checked = validate(kind, value, relative);
    if (record && hash !== undefined && isDeepStrictEqual(checked, value)) record[relative] = hash;
    return checked;
  };
  const course = valid('course', 'course.json');
  const common = valid('commonMistakes', 'common-mistakes.json');

  const sections: Section[] = course.sections.map((section) => ({
    id: section.id,
    title: section.title,
    lessons: section.lessons.map((dir): Lesson => {
      const file = `${dir}/lesson.json`;
      const meta = valid('lesson', file);
      const text = read(`${dir}/lesson.md`);
      const questionsFile = `${dir}/questions.json`;
      const questions =
        withQuestions && existsSync(path.join(lessonsDir, questionsFile))
          ? valid('questions', questionsFile).questions
          : [];
      if (meta.kind === 'intro') {
        if (questions.length > 0)
          throw new Error(
            `\`${dir}/questions.json\`: the intro lesson has no task to attach questions to; move them to a task.`,
          );
        return { kind: 'intro', id: meta.id, dir, title: meta.title, section: section.id, text };
      }
      const lessonChecks = checks
        ? implementedChecks(dir, meta.checks, checks)
        : lazyChecks(dir, meta.checks);
      const mistakes: Record<string, Mistake> = { ...common, ...meta.mistakes };
      const { formatVersion: _version, kind: _kind, ...fields } = meta;
      return {
        ...fields,
        kind: 'task',
        dir,
        section: section.id,
        text,
        mistakes,
        starter: read(`${dir}/starter.ts`),
        solution: read(`${dir}/solution.ts`),
        checks: lessonChecks,
        questions,
      };
    }),
  }));

  const lessons = sections.flatMap((section) => section.lessons);
  const tasks = lessons.filter((lesson): lesson is TaskLesson => lesson.kind === 'task');
  validateCourse(lessons, tasks);
  validateChecklist(course.checklist, tasks);
  validateQuestions(tasks);
  const workspaceFiles = Object.fromEntries(
    ['lab.ts', 'tsconfig.json', 'sandbox-globals.d.ts', 'README.md'].map((name) => [
      name,
      read(`workspace/${name}`),
    ]),
  );
  return {
    title: course.title,
    sections,
    lessons,
    tasks,
    workspaceFiles,
    checklist: course.checklist,
  };
}

function validateCourse(lessons: readonly Lesson[], tasks: readonly TaskLesson[]): void {
  const seen = new Set<string>();
  for (const lesson of lessons) {
    if (seen.has(lesson.id))
      throw new Error(
        `Lesson id \`${lesson.id}\` is used twice (in \`${lesson.dir}/lesson.json\`).`,
      );
    seen.add(lesson.id);
  }
  for (const task of tasks) {
    if (task.requires !== null && !tasks.some((other) => other.id === task.requires)) {
      throw new Error(
        `\`${task.dir}/lesson.json\`: field \`requires\` names \`${task.requires}\`, which is not a task.`,
      );
    }
    // The declared names: the checks' code need not be loaded to know them.
    const names = new Map<string, number>();
    task.checks.forEach(({ name }, index) => {
      const first = names.get(name);
      if (first !== undefined)
        throw new Error(
          `\`${task.dir}/lesson.json\`: field \`checks.${index}\`: \`${name}\` is also \`checks.${first}\`; each check needs a name of its own.`,
        );
      names.set(name, index);
    });
    for (const name of Object.keys(task.checkHints)) {
      if (!names.has(name))
        throw new Error(
          `\`${task.dir}/lesson.json\`: field \`checkHints\` names a check \`${name}\` that field \`checks\` does not list.`,
        );
    }
  }
}

/** Checklist items name tasks of the course, and their ids are their own. */
function validateChecklist(
  checklist: readonly ChecklistGroup[],
  tasks: readonly TaskLesson[],
): void {
  const reserved = new Set(['todos', 'questions']);
  checklist.forEach((group, index) => {
    if (reserved.has(group.id) || checklist.findIndex((other) => other.id === group.id) < index)
      throw new Error(
        `Invalid lesson file \`course.json\`: field \`checklist.${index}.id\`: \`${group.id}\` is already a checklist item.`,
      );
    group.tasks.forEach((id, at) => {
      if (!tasks.some((task) => task.id === id))
        throw new Error(
          `Invalid lesson file \`course.json\`: field \`checklist.${index}.tasks.${at}\`: \`${id}\` is not a task id (expected one of ${tasks.map((task) => task.id).join(', ')}).`,
        );
    });
  });
}

/** Question ids key the student's answers in progress, so they are unique across the course. */
function validateQuestions(tasks: readonly TaskLesson[]): void {
  const seen = new Map<string, string>();
  for (const task of tasks) {
    task.questions.forEach((question, index) => {
      const first = seen.get(question.id);
      if (first !== undefined)
        throw new Error(
          `Invalid lesson file \`${task.dir}/questions.json\`: field \`questions.${index}.id\`: question id \`${question.id}\` is already used in \`${first}/questions.json\`.`,
        );
      seen.set(question.id, task.dir);
    });
  }
}

function readText(lessonsDir: string, relative: string): string {
  try {
    return readFileSync(path.join(lessonsDir, relative), 'utf8');
  } catch (error) {
    throw new Error(
      `Cannot read lesson \`${relative}\`: ${(error as Error).message}. Reinstall logreg-tutor or restore the file.`,
    );
  }
}

function parseJson(text: string, relative: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(
      `Cannot read lesson \`${relative}\`: invalid JSON (${(error as Error).message}).`,
    );
  }
}
