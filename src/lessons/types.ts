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
  /** Free-text questions about the task (questions.json; `[]` when the task has none). */
  readonly questions: readonly Question[];
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
  /** Files copied into every new workspace besides the starters (lab.ts, tsconfig.json, sandbox-globals.d.ts, README.md). */
  readonly workspaceFiles: Readonly<Record<string, string>>;
  /**
   * The submission checklist's items about particular tasks (course.json `checklist`), between
   * the two every course has: all TODOs completed, and the questions answered.
   */
  readonly checklist: readonly ChecklistGroup[];
}

/** A checklist item that passes when all its tasks pass: `Gradient check passes`. */
export interface ChecklistGroup {
  readonly id: string;
  readonly label: string;
  /** Task ids. */
  readonly tasks: readonly string[];
}

/**
 * A free-text question attached to a task (lessons/NN-id/questions.json). The student's answer is
 * compared with the key ideas as a self-check, never as a grade.
 */
export interface Question {
  /** Stable id, unique across the course (progress stores answers by it): `sigmoid-saturation`. */
  readonly id: string;
  /** The question as shown, markdown with Unicode math. */
  readonly prompt: string;
  /** True when the answer is several lines (a derivation) and is written in an editor. */
  readonly long: boolean;
  /**
   * True when the answer is one line (a checkpoint such as "what is the shape of grad?"), typed in
   * a single-line input; never together with `long`.
   */
  readonly oneLine?: boolean;
  /** A complete answer, markdown with Unicode math, shown after submitting. */
  readonly modelAnswer: string;
  /** What a complete answer covers, in the order shown. */
  readonly keyIdeas: readonly KeyIdea[];
}

/** One thing a complete answer says, and the ways of saying it that count. */
export interface KeyIdea {
  /** Unique within its question: `learning-stalls`. */
  readonly id: string;
  /** The statement shown with ✓ or ○, one line. */
  readonly idea: string;
  /** The idea is covered when any one pattern matches (and no `unless` term occurs). */
  readonly patterns: readonly KeyIdeaPattern[];
  /** Terms that, anywhere in the answer, mean it says the opposite: the idea is not covered. */
  readonly unless?: readonly string[];
}

/**
 * One way of expressing a key idea: an AND of ORs over terms, found within one sentence and only
 * where the answer asserts them (not denied, dismissed or hedged; see src/questions/claims.ts). A
 * pattern has two groups or more, or one group of phrases: no idea rests on one keyword. Terms are matched on the answer's
 * canonical tokens (src/questions/normalize.ts: lowercase, Unicode and LaTeX math folded, so
 * `σ′`, `sigma'` and `\sigma'` are the same), always on whole tokens: `log` does not match
 * `logit`. A `*` ending a word makes it a stem (`saturat*` matches `saturates`, `saturation`).
 * A term written `/…/` is a regular expression over the canonical text (tokens joined by single
 * spaces), for the rare shape the other forms cannot say.
 */
export interface KeyIdeaPattern {
  /** Every group must match; a group matches when any one of its terms does. */
  readonly all: readonly (readonly string[])[];
  /**
   * When set, one match of every group must lie close together: at most this many tokens from the
   * end of the first match to the start of the last (1 = adjacent).
   */
  readonly within?: number;
  /**
   * Terms that void this pattern in a sentence where one of them is asserted: `below` for "above
   * its tangent", `(n,)` for "the same shape as w". The sentence is the pattern's own (a contrast
   * such as "but" starts a new one); for an opposite anywhere in the answer, see `KeyIdea.unless`.
   */
  readonly unless?: readonly string[];
}
