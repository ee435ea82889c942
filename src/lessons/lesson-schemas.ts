// The zod schemas of the lesson files. Imported only to validate a file the build did not (an
// edited lesson, a lessons folder of one's own): a start that takes every file as validated never
// loads zod's chainable API, a good part of what runs before the tutor's first frame.
import * as z from 'zod';
import '../zod-config.js';
import { lessonFormatVersion, type Validator } from './course-files.js';
import { questionsFileSchema } from './questions.js';

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

/** The schemas of course.json, common-mistakes.json, lesson.json and questions.json. */
export type LessonSchemas = ReturnType<typeof buildSchemas>;

let schemas: LessonSchemas | undefined;

/** The lesson files' schemas, built on first use (building them is a good part of validating). */
export function lessonSchemas(): LessonSchemas {
  schemas ??= buildSchemas();
  return schemas;
}

/** Validates one lesson file's parsed JSON; throws an Error naming the file and field. */
export function parseLessonFile<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : '(top level)';
  throw new Error(
    `Invalid lesson file \`${file}\`: field \`${field}\`: ${issue?.message ?? 'invalid'}.`,
  );
}

/** Validates a lesson file against the schema of its kind (see `Validator` in course-files.ts). */
export const validateLessonFile: Validator = <Kind extends keyof LessonSchemas>(
  kind: Kind,
  value: unknown,
  file: string,
) =>
  // TypeScript does not follow that the schema of a kind outputs that kind's value.
  parseLessonFile(lessonSchemas()[kind] as z.ZodType, value, file) as z.output<LessonSchemas[Kind]>;
