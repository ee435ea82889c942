// What the progress file holds, checked with zod whenever it is read: a file another program
// (or an older or newer tutor) wrote is taken only for what it says it is.
import { readFileSync } from 'node:fs';
import * as z from 'zod';
import '../zod-config.js';
import type { WorkspaceProgress } from './types.js';

// Loose objects keep fields a newer tutor wrote, so running an older one does not erase them.
const taskProgressSchema = z.looseObject({
  attempts: z.number().int().nonnegative(),
  lastStatus: z.enum(['pass', 'fail', 'compile-error', 'timeout', 'crash']).optional(),
  lastCheckedAt: z.string().optional(),
  passedChecks: z.number().int().nonnegative().optional(),
  totalChecks: z.number().int().nonnegative().optional(),
  firstPassedAt: z.string().optional(),
  hintsShown: z.number().int().nonnegative(),
  sources: z.record(z.string(), z.string()).optional(),
});

const workspaceProgressSchema = z.looseObject({
  lastLesson: z.string().optional(),
  tuiOpenedAt: z.string().optional(),
  tasks: z.record(z.string(), taskProgressSchema),
  answers: z
    .record(z.string(), z.array(z.looseObject({ text: z.string(), at: z.string() })))
    .optional(),
  // A mark this tutor does not know (a newer one's) is kept, and shown as no mark.
  selfMarks: z
    .record(z.string(), z.record(z.string(), z.looseObject({ mark: z.string(), at: z.string() })))
    .optional(),
});

/** The progress file's schema (see StoreData). */
export const storeSchema = z.looseObject({
  lastWorkspace: z.string().optional(),
  workspaces: z.record(z.string(), workspaceProgressSchema).default({}),
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
