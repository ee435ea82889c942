// Checks named by lesson.json, their code loaded on first run: the first frame needs names only.
import type { CheckContext, CheckSpec } from '../engine/check-kit.js';

/** The hidden checks of every task, by lesson folder (lessons/checks.ts `checksByLesson`). */
export type ChecksByLesson = Readonly<Record<string, readonly CheckSpec[]>>;

let implementations: Promise<ChecksByLesson> | undefined;

/**
 * The checks' code: lessons/checks.ts with fast-check and the check kit, imported once (the build
 * puts them in a chunk of their own). Call it early to have them ready before the first run.
 */
export function loadCheckImplementations(): Promise<ChecksByLesson> {
  implementations ??= import('../../lessons/checks.js').then((module) => module.checksByLesson);
  return implementations;
}

/**
 * The checks `table` implements for lesson `dir`, once they are the ones its lesson.json lists in
 * `declared` (same names, same order). Throws an Error naming the file and field otherwise.
 */
export function implementedChecks(
  dir: string,
  declared: readonly string[],
  table: ChecksByLesson,
): readonly CheckSpec[] {
  const implemented = table[dir];
  if (!implemented || implemented.length === 0)
    throw new Error(
      `Cannot load lesson \`${dir}\`: lessons/checks.ts registers no checks for it (\`${dir}/lesson.json\` lists ${declared.length} in field \`checks\`).`,
    );
  const mismatch = namesMismatch(
    dir,
    declared,
    implemented.map((check) => check.name),
  );
  if (mismatch !== undefined)
    throw new Error(
      `${mismatch} lesson.json lists the checks that checks.ts implements: the same names, in the same order.`,
    );
  return implemented;
}

/** Where the declared and the implemented names first differ, in words; undefined if nowhere. */
function namesMismatch(
  dir: string,
  declared: readonly string[],
  implemented: readonly string[],
): string | undefined {
  const lessonFile = `\`${dir}/lesson.json\``;
  const checksFile = `\`${dir}/checks.ts\``;
  for (const [index, name] of declared.entries()) {
    const actual = implemented[index];
    if (actual === undefined)
      return `${lessonFile}: field \`checks.${index}\` is \`${name}\`, but ${checksFile} has only ${implemented.length} checks.`;
    if (actual !== name)
      return `${lessonFile}: field \`checks.${index}\` is \`${name}\`, but ${checksFile} names it \`${actual}\`.`;
  }
  const extra = implemented[declared.length];
  if (extra !== undefined)
    return `${lessonFile}: field \`checks\` lists ${declared.length} checks, but ${checksFile} has ${implemented.length}; the next is \`${extra}\`.`;
  return undefined;
}

/**
 * A check known by its declared name, whose code is found on the first run: the check at the same
 * place in `load()`'s checks for the lesson, after its names are compared with the declared ones.
 * Its fields are plain data, so two loads of the same lesson give equal checks.
 */
class LazyCheck implements CheckSpec {
  constructor(
    readonly name: string,
    private readonly dir: string,
    private readonly declared: readonly string[],
    private readonly index: number,
    private readonly load: () => Promise<ChecksByLesson>,
  ) {}

  async run(context: CheckContext): Promise<void> {
    const checks = implementedChecks(this.dir, this.declared, await this.load());
    // Same length and names as `declared`, so the check exists.
    await (checks[this.index] as CheckSpec).run(context);
  }
}

/**
 * The checks of lesson `dir` as its lesson.json declares them, each loading its code when it
 * first runs. A difference between lesson.json and checks.ts is a tutor bug, thrown then as an
 * Error (never a failed check), which the engine reports as the tutor's failure to run checks.
 */
export function lazyChecks(
  dir: string,
  declared: readonly string[],
  load: () => Promise<ChecksByLesson> = loadCheckImplementations,
): readonly CheckSpec[] {
  return declared.map((name, index) => new LazyCheck(name, dir, declared, index, load));
}
