// The schema of a task's questions.json (free-text questions, model answers, key ideas), so a
// broken file is reported by file and field: ids, one-line ideas, and terms that must compile.
import * as z from 'zod';
import '../zod-config.js';
import { compilePattern, compileTerm, singleKeyword } from '../questions/patterns.js';

/** The questions format this tutor reads (`formatVersion` in questions.json). */
export const questionsFormatVersion = 1;

// Built on first use, like the lessons' schemas (see load.ts).
let schema: ReturnType<typeof buildSchema> | undefined;

/** The schema of a whole questions.json. */
export function questionsFileSchema(): ReturnType<typeof buildSchema> {
  schema ??= buildSchema();
  return schema;
}

function buildSchema() {
  const idSchema = z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'expected a kebab-case id like `eps-too-small`');

  const termSchema = z
    .string()
    .min(1)
    .superRefine((term, ctx) => {
      try {
        compileTerm(term);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    });

  const patternSchema = z
    .strictObject({
      all: z.array(z.array(termSchema).min(1)).min(1),
      within: z.int().min(1).optional(),
      unless: z.array(termSchema).min(1).optional(),
    })
    .superRefine((pattern, ctx) => {
      // Terms that do not compile are reported by termSchema; judge the rest.
      let problem: string | undefined;
      try {
        problem = singleKeyword(compilePattern(pattern));
      } catch {
        return;
      }
      if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['all'], message: problem });
    });

  const keyIdeaSchema = z.strictObject({
    id: idSchema,
    idea: z
      .string()
      .min(1)
      .regex(/^[^\n]*$/, 'expected one line'),
    patterns: z.array(patternSchema).min(1),
    unless: z.array(termSchema).min(1).optional(),
  });

  const questionSchema = z
    .strictObject({
      id: idSchema,
      prompt: z.string().min(1),
      long: z.boolean(),
      oneLine: z.boolean().optional(),
      modelAnswer: z.string().min(1),
      keyIdeas: z.array(keyIdeaSchema).min(1),
    })
    .superRefine((question, ctx) => {
      if (question.oneLine === true && question.long)
        ctx.addIssue({
          code: 'custom',
          path: ['oneLine'],
          message: `question \`${question.id}\` cannot be answered both on one line and at length`,
        });
      reportDuplicateIds(
        ctx,
        question.keyIdeas,
        'keyIdeas',
        (id) => `key idea id \`${id}\` is used twice in question \`${question.id}\``,
      );
    });

  const fileSchema = z
    .strictObject({
      formatVersion: z.literal(questionsFormatVersion),
      questions: z.array(questionSchema).min(1),
    })
    .superRefine((file, ctx) =>
      reportDuplicateIds(
        ctx,
        file.questions,
        'questions',
        (id) => `question id \`${id}\` is used twice`,
      ),
    );
  return fileSchema;
}

/** Reports each item of `items` (the array `field`) whose id an earlier item already has. */
function reportDuplicateIds(
  ctx: z.RefinementCtx,
  items: readonly { readonly id: string }[],
  field: string,
  message: (id: string) => string,
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id))
      ctx.addIssue({ code: 'custom', path: [field, index, 'id'], message: message(item.id) });
    seen.add(item.id);
  });
}
