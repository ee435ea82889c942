// What the progress file holds, checked with zod whenever it is read: a file another program
// (or an older or newer tutor) wrote is taken only for what it says it is. The tutor reads the
// file before its first frame, so this uses zod's functional API (`zod/mini`, the same checks
// and messages): it loads a quarter of what the chainable API does.
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import '../zod-config.js';
import type { WorkspaceProgress } from './types.js';

// Loose objects keep fields a newer tutor wrote, so running an older one does not erase them.
const count = () => z.int().check(z.nonnegative());

const taskProgressSchema = z.looseObject({
  attempts: count(),
  lastStatus: z.optional(z.enum(['pass', 'fail', 'compile-error', 'timeout', 'crash'])),
  lastCheckedAt: z.optional(z.string()),
  passedChecks: z.optional(count()),
  totalChecks: z.optional(count()),
  firstPassedAt: z.optional(z.string()),
  hintsShown: count(),
  sources: z.optional(z.record(z.string(), z.string())),
});

const workspaceProgressSchema = z.looseObject({
  lastLesson: z.optional(z.string()),
  tuiOpenedAt: z.optional(z.string()),
  tasks: z.record(z.string(), taskProgressSchema),
  answers: z.optional(
    z.record(z.string(), z.array(z.looseObject({ text: z.string(), at: z.string() }))),
  ),
  // A mark this tutor does not know (a newer one's) is kept, and shown as no mark.
  selfMarks: z.optional(
    z.record(z.string(), z.record(z.string(), z.looseObject({ mark: z.string(), at: z.string() }))),
  ),
});

/** The progress file's schema (see StoreData). */
export const storeSchema = z.looseObject({
  lastWorkspace: z.optional(z.string()),
  workspaces: z._default(z.record(z.string(), workspaceProgressSchema), {}),
});

/** The progress file. Other top-level keys (conf's `__internal__`, a newer tutor's) pass through. */
export interface StoreData {
  [key: string]: unknown;
  lastWorkspace?: string;
  workspaces: Readonly<Record<string, WorkspaceProgress>>;
}

/** What can be read of the file without conf; empty when nothing can (missing, damaged). */
export function readQuietly(file: string): StoreData {
  try {
    const parsed = storeSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data as StoreData;
  } catch {
    // Nothing to go on with: start empty.
  }
  return { workspaces: {} };
}
