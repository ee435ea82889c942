// Loads `lessons/` and validates it, at once: the build, the tests and the tools use this. The
// tutor's commands load through course-files.ts's `loadCourseLazily`, which imports the schemas
// only when a file needs them.
import {
  defaultLessonsDir,
  type LoadOptions,
  loadFiles,
  type ValidatedFiles,
} from './course-files.js';
import type { ChecksByLesson } from './lazy-checks.js';
import { validateLessonFile } from './lesson-schemas.js';
import type { Course } from './types.js';

export {
  defaultLessonsDir,
  type LoadOptions,
  lessonFormatVersion,
  type ValidatedFiles,
} from './course-files.js';

/**
 * Validates every file of the lessons and lists those a later load may take as they are: the
 * files whose validated value is their parsed JSON unchanged (no defaults filled in). The build
 * writes this to dist/lessons-validated.json. Throws as `loadCourse` does on bad content, and
 * when a lesson.json's `checks` differ from the names in `checks`: the build passes lessons/
 * checks.ts `checksByLesson` (which this module must not import), so what ships never disagrees.
 */
export function validateLessons(lessonsDir: string, checks: ChecksByLesson): ValidatedFiles {
  const files: Record<string, string> = {};
  loadFiles(lessonsDir, checks, { validated: {} }, validateLessonFile, files);
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
  return loadFiles(lessonsDir, checks, options, validateLessonFile);
}
