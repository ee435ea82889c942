// The lab as the tutor knows it, after `lessons/` has been loaded and validated.
import type { CheckSpec } from '../engine/check-kit.js';
import type { MistakeText } from '../engine/run-task.js';

/** A mistake students make, with the words that explain it (lesson.json `mistakes`). */
export interface Mistake extends MistakeText {
  /** Shown by `h` when a check fails with this mistake. */
  readonly hint?: string;
}

interface LessonBase {
  /** Stable id: `dataset`, `sigmoid`, `bce-loss`, … (used in progress, CLI and URLs). */
  readonly id: string;
  /** Folder under lessons/, e.g. `01-sigmoid`. */
  readonly dir: string;
  readonly title: string;
  /** Id of the section it belongs to. */
  readonly section: string;
  /** The lesson text, markdown with Unicode math. */
  readonly text: string;
}

/** The intro lesson (section 0): reading only, no file to write. */
export interface IntroLesson extends LessonBase {
  readonly kind: 'intro';
}

/** A lesson with a file for the student to write and hidden checks. */
export interface TaskLesson extends LessonBase {
  readonly kind: 'task';
  /** Workspace file, e.g. `01-sigmoid.ts` (a fixed contract). */
  readonly file: string;
  /** The function the file exports, e.g. `sigmoid`. */
  readonly exportName: string;
  /** Parameter names, in order, for messages. */
  readonly params: readonly string[];
  /** `sigmoid(z: Vector): Vector`. */
  readonly signature: string;
  readonly bonus: boolean;
  /** Id of the task that must be complete before this one opens (null: open from the start). */
  readonly requires: string | null;
  /** What the student learned, in one line, shown on passing. */
  readonly learned: string;
  /** Staged hints: the seed's first, then more specific ones. */
  readonly hints: readonly string[];
  /** Hints shown when a named check fails, by check name. */
  readonly checkHints: Readonly<Record<string, string>>;
  /** Named mistakes (the lesson's own merged over the common ones). */
  readonly mistakes: Readonly<Record<string, Mistake>>;
  readonly starter: string;
  readonly solution: string;
  readonly checks: readonly CheckSpec[];
}

export type Lesson = IntroLesson | TaskLesson;

/** A section of the lab, as in the seed notebook. */
export interface Section {
  readonly id: string;
  readonly title: string;
  readonly lessons: readonly Lesson[];
}

/** The whole lab, in order. */
export interface Course {
  readonly title: string;
  readonly sections: readonly Section[];
  /** Every lesson in order (intro first). */
  readonly lessons: readonly Lesson[];
  /** Only the task lessons, in order. */
  readonly tasks: readonly TaskLesson[];
  /** Files copied into every new workspace besides the starters (lab.ts, tsconfig.json, README.md). */
  readonly workspaceFiles: Readonly<Record<string, string>>;
}
