// Loads `lessons/` (course.json, each lesson's folder, the workspace templates) and validates
// it, so a broken lesson is reported by file and field instead of failing later on a screen.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import * as z from 'zod';
import '../zod-config.js';
import { type ChecksByLesson, implementedChecks, lazyChecks } from './lazy-checks.js';
import { questionsFileSchema } from './questions.js';
import type { ChecklistGroup, Course, Lesson, Mistake, Section, TaskLesson } from './types.js';

/** The lesson format this tutor reads (`formatVersion` in course.json and lesson.json). */
export const lessonFormatVersion = 1;

// Built on first use: a load that takes every file as validated (ValidatedFiles) never needs
// them, and building zod schemas is a good part of what validating costs.
let schemas: ReturnType<typeof buildSchemas> | undefined;

function buildSchemas() {
  const mistakeSchema = z.strictObject({
    title: z.string().min(1),
    explanation: z.string().min(1),
    hint: z.string().min(1).optional(),
  });

  const courseSchema = z.strictObject({
    formatVersion: z.literal(lessonFormatVersion),
    title: z.string().min(1),
    sections: z
      .array(
        z.strictObject({
          id: z.string().min(1),
          title: z.string().min(1),
          lessons: z.array(z.string().min(1)).min(1),
        }),
      )
      .min(1),
    checklist: z
      .array(
        z.strictObject({
          id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a kebab-case id like `gradient`'),
          label: z.string().min(1),
          tasks: z.array(z.string().min(1)).min(1),
        }),
      )
      .default([]),
  });

  const introSchema = z.strictObject({
    formatVersion: z.literal(lessonFormatVersion),
    kind: z.literal('intro'),
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    title: z.string().min(1),
  });

  const taskSchema = z.strictObject({
    formatVersion: z.literal(lessonFormatVersion),
    kind: z.literal('task'),
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    title: z.string().min(1),
    file: z.string().regex(/^\d\d-[a-z0-9-]+\.ts$/),
    exportName: z.string().regex(/^[A-Za-z_$][\w$]*$/),
    params: z.array(z.string().min(1)),
    signature: z.string().min(1),
    bonus: z.boolean(),
    requires: z.string().nullable(),
    learned: z.string().min(1),
    hints: z.array(z.string().min(1)).min(1),
    checks: z.array(z.string().min(1)).min(1),
    checkHints: z.record(z.string(), z.string().min(1)),
    mistakes: z.record(z.string(), mistakeSchema),
  });

  const lessonSchema = z.discriminatedUnion('kind', [introSchema, taskSchema]);
  const commonMistakes = z.record(z.string(), mistakeSchema);
  return {
    course: courseSchema,
    commonMistakes,
    lesson: lessonSchema,
    questions: questionsFileSchema(),
  };
}

function lessonSchemas(): ReturnType<typeof buildSchemas> {
  schemas ??= buildSchemas();
  return schemas;
}

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

/**
 * Validates every file of the lessons and lists those a later load may take as they are: the
 * files whose validated value is their parsed JSON unchanged (no defaults filled in). The build
 * writes this to dist/lessons-validated.json. Throws as `loadCourse` does on bad content, and
 * when a lesson.json's `checks` differ from the names in `checks`: the build passes lessons/
 * checks.ts `checksByLesson` (which this module must not import), so what ships never disagrees.
 */
export function validateLessons(lessonsDir: string, checks: ChecksByLesson): ValidatedFiles {
  const files: Record<string, string> = {};
  load(lessonsDir, checks, { validated: {} }, files);
  return files;
}

/**
 * Loads and validates the whole lab. Throws an Error naming the file and field on bad content.
 * Each task's checks are those its lesson.json names, their code loaded when one first runs;
 * with `checks`, they are that table's instead, its names compared with lesson.json's now.
 */
export function loadCourse(
  lessonsDir = defaultLessonsDir(),
  checks?: ChecksByLesson,
  options: LoadOptions = {},
): Course {
  return load(lessonsDir, checks, options);
}

/** `loadCourse`; with `record`, also notes there each file that could be taken as validated. */
function load(
  lessonsDir: string,
  checks: ChecksByLesson | undefined,
  options: LoadOptions,
  record?: Record<string, string>,
): Course {
  const withQuestions = options.questions ?? true;
  const validated = options.validated ?? readValidatedFiles();
  const read = (relative: string) => readText(lessonsDir, relative);
  const valid = <T>(schema: () => z.ZodType<T>, relative: string): T => {
    const text = read(relative);
    const value = parseJson(text, relative);
    const hash = validated[relative] !== undefined || record ? textHash(text) : undefined;
    if (hash !== undefined && validated[relative] === hash) return value as T;
    const checked = parse(schema(), value, relative);
    if (record && hash !== undefined && isDeepStrictEqual(checked, value)) record[relative] = hash;
    return checked;
  };
  const course = valid(() => lessonSchemas().course, 'course.json');
  const common = valid(() => lessonSchemas().commonMistakes, 'common-mistakes.json');

  const sections: Section[] = course.sections.map((section) => ({
    id: section.id,
    title: section.title,
    lessons: section.lessons.map((dir): Lesson => {
      const file = `${dir}/lesson.json`;
      const meta = valid(() => lessonSchemas().lesson, file);
      const text = read(`${dir}/lesson.md`);
      const questionsFile = `${dir}/questions.json`;
      const questions =
        withQuestions && existsSync(path.join(lessonsDir, questionsFile))
          ? valid(() => lessonSchemas().questions, questionsFile).questions
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

function parse<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : '(top level)';
  throw new Error(
    `Invalid lesson file \`${file}\`: field \`${field}\`: ${issue?.message ?? 'invalid'}.`,
  );
}
