// Loads `lessons/` (course.json, each lesson's folder, the workspace templates) and validates
// it, so a broken lesson is reported by file and field instead of failing later on a screen.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import '../zod-config.js';
import { checksByLesson } from '../../lessons/checks.js';
import type { CheckSpec } from '../engine/check-kit.js';
import { questionsFileSchema } from './questions.js';
import type {
  ChecklistGroup,
  Course,
  Lesson,
  Mistake,
  Question,
  Section,
  TaskLesson,
} from './types.js';

/** The lesson format this tutor reads (`formatVersion` in course.json and lesson.json). */
export const lessonFormatVersion = 1;

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
  checkHints: z.record(z.string(), z.string().min(1)),
  mistakes: z.record(z.string(), mistakeSchema),
});

const lessonSchema = z.discriminatedUnion('kind', [introSchema, taskSchema]);

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

/** What `loadCourse` reads besides the lessons themselves. */
export interface LoadOptions {
  /**
   * Read and validate each task's questions.json (default). `check` never shows a question or
   * unlocks a lesson, so it leaves them out (every task's `questions` is then empty) and skips
   * compiling their key-idea terms, a good part of the load.
   */
  readonly questions?: boolean;
}

/** Loads and validates the whole lab. Throws an Error naming the file and field on bad content. */
export function loadCourse(
  lessonsDir = defaultLessonsDir(),
  checks: Readonly<Record<string, readonly CheckSpec[]>> = checksByLesson,
  options: LoadOptions = {},
): Course {
  const withQuestions = options.questions ?? true;
  const read = (relative: string) => readText(lessonsDir, relative);
  const course = parse(courseSchema, readJson(lessonsDir, 'course.json'), 'course.json');
  const common = parse(
    z.record(z.string(), mistakeSchema),
    readJson(lessonsDir, 'common-mistakes.json'),
    'common-mistakes.json',
  );

  const sections: Section[] = course.sections.map((section) => ({
    id: section.id,
    title: section.title,
    lessons: section.lessons.map((dir): Lesson => {
      const file = `${dir}/lesson.json`;
      const meta = parse(lessonSchema, readJson(lessonsDir, file), file);
      const text = read(`${dir}/lesson.md`);
      const questions = withQuestions ? readQuestions(lessonsDir, dir) : [];
      if (meta.kind === 'intro') {
        if (questions.length > 0)
          throw new Error(
            `\`${dir}/questions.json\`: the intro lesson has no task to attach questions to; move them to a task.`,
          );
        return { kind: 'intro', id: meta.id, dir, title: meta.title, section: section.id, text };
      }
      const lessonChecks = checks[dir];
      if (!lessonChecks || lessonChecks.length === 0) {
        throw new Error(
          `Cannot load lesson \`${dir}\`: lessons/checks.ts registers no checks for it.`,
        );
      }
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
    ['lab.ts', 'tsconfig.json', 'README.md'].map((name) => [name, read(`workspace/${name}`)]),
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
    const names = new Set(task.checks.map((check) => check.name));
    if (names.size !== task.checks.length)
      throw new Error(`\`${task.dir}/checks.ts\`: two checks share a name.`);
    for (const name of Object.keys(task.checkHints)) {
      if (!names.has(name))
        throw new Error(
          `\`${task.dir}/lesson.json\`: field \`checkHints\` names a check \`${name}\` that checks.ts does not have.`,
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

/** A lesson's questions.json, validated; `[]` when the lesson has none. */
function readQuestions(lessonsDir: string, dir: string): readonly Question[] {
  const file = `${dir}/questions.json`;
  if (!existsSync(path.join(lessonsDir, file))) return [];
  return parse(questionsFileSchema, readJson(lessonsDir, file), file).questions;
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

function readJson(lessonsDir: string, relative: string): unknown {
  const text = readText(lessonsDir, relative);
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
