// The corpus of student files (tests/content/corpus/files): reading the entries and their
// expectations, and judging a run of the hidden checks against them. Shared by the corpus test
// (which runs the engine in-process) and `npm run corpus` (which runs the built CLI).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const repo = path.resolve(here, '../../..');

/** Where the student files live: one folder per task, named like the task's lesson folder. */
export const filesDir = path.join(here, 'files');

/** The committed record of the entries the current checks get wrong. */
export const knownGapsFile = path.join(here, 'known-gaps.json');

/**
 * What an entry's header promises.
 * @typedef {{ kind: 'pass' } | { kind: 'fail', mistakes: string[] }} Expectation
 * `fail` with no mistakes means: fails, and no check names a mistake ("when unsure, say less").
 * `fail` with mistakes means: fails, and every named mistake is one of them (at least one named).
 */

/**
 * One student file (or a folder of them, for a student's own helper modules) for one task.
 * @typedef {{
 *   id: string,
 *   lessonDir: string,
 *   taskId: string,
 *   taskFile: string,
 *   files: Record<string, string>,
 *   description: string,
 *   expectation: Expectation,
 * }} Entry
 */

/**
 * What a run came to, reduced to what the expectations speak of.
 * @typedef {{ status: string, mistakes: string[] }} Observed
 */

/**
 * How the checks did on an entry: `ok`, or the kind of gap.
 * - `passes`: a wrong file passed;
 * - `misnamed`: a wrong file failed naming a mistake it does not have;
 * - `unnamed`: a wrong file failed without naming the mistake it has;
 * - `rejected`: a correct file failed.
 * @typedef {'ok' | 'passes' | 'misnamed' | 'unnamed' | 'rejected'} Verdict
 */

/**
 * The entry's header: `// Wrong: …` or `// Right: …` on its first line, then
 * `// Expect: pass`, `// Expect: fail, no mistake named` or `// Expect: fail, mistake a or b`.
 * @param {string} text
 * @param {string} where
 * @returns {{ description: string, expectation: Expectation }}
 */
export function parseHeader(text, where) {
  const [first = '', second = ''] = text.split('\n');
  const title = /^\/\/ (Wrong|Right): (.+)$/.exec(first);
  if (!title) throw new Error(`${where}: line 1 must be \`// Wrong: …\` or \`// Right: …\``);
  const expect =
    /^\/\/ Expect: (pass|fail, no mistake named|fail, mistake ([a-z-]+(?: or [a-z-]+)*))$/.exec(
      second,
    );
  if (!expect) throw new Error(`${where}: line 2 must be \`// Expect: …\` (see corpus.js)`);
  /** @type {Expectation} */
  const expectation =
    expect[1] === 'pass'
      ? { kind: 'pass' }
      : { kind: 'fail', mistakes: expect[2]?.split(' or ') ?? [] };
  if ((title[1] === 'Right') !== (expectation.kind === 'pass'))
    throw new Error(`${where}: a Right entry must pass and a Wrong one must fail`);
  return { description: title[2] ?? '', expectation };
}

/**
 * Every entry of the corpus, in task order then by name.
 * @returns {Entry[]}
 */
export function listEntries() {
  /** @type {Entry[]} */
  const entries = [];
  for (const lessonDir of readdirSync(filesDir).sort()) {
    const lesson = JSON.parse(
      readFileSync(path.join(repo, 'lessons', lessonDir, 'lesson.json'), 'utf8'),
    );
    /** @type {string} */
    const taskFile = lesson.file;
    for (const name of readdirSync(path.join(filesDir, lessonDir)).sort()) {
      const full = path.join(filesDir, lessonDir, name);
      /** @type {Record<string, string>} */
      const files = {};
      if (statSync(full).isDirectory()) {
        for (const file of readdirSync(full))
          files[file] = readFileSync(path.join(full, file), 'utf8');
      } else if (name.endsWith('.ts')) {
        files[taskFile] = readFileSync(full, 'utf8');
      } else {
        continue;
      }
      const id = `${lessonDir}/${name.replace(/\.ts$/, '')}`;
      const main = files[taskFile];
      if (main === undefined) throw new Error(`${id}: the folder has no ${taskFile}`);
      entries.push({ id, lessonDir, taskId: lesson.id, taskFile, files, ...parseHeader(main, id) });
    }
  }
  return entries;
}

/**
 * The status of a run and the mistakes its failed checks named (sorted, each once).
 * @param {{ status: string, checks: readonly { passed: boolean, mistake?: string | undefined }[] }} result
 * @returns {Observed}
 */
export function observe(result) {
  const named = result.checks.flatMap((check) =>
    !check.passed && check.mistake ? [check.mistake] : [],
  );
  return { status: result.status, mistakes: [...new Set(named)].sort() };
}

/**
 * Whether a run met the entry's expectation, and if not, how it missed.
 * @param {Expectation} expectation
 * @param {Observed} observed
 * @returns {Verdict}
 */
export function judge(expectation, observed) {
  if (expectation.kind === 'pass') return observed.status === 'pass' ? 'ok' : 'rejected';
  if (observed.status === 'pass') return 'passes';
  const expected = expectation.mistakes;
  if (observed.mistakes.some((mistake) => !expected.includes(mistake))) return 'misnamed';
  if (expected.length > 0 && observed.mistakes.length === 0) return 'unnamed';
  return 'ok';
}

/**
 * The committed gaps: entry id → its verdict and what the checks did with it.
 * @returns {Record<string, { verdict: Verdict } & Observed>}
 */
export function readKnownGaps() {
  return JSON.parse(readFileSync(knownGapsFile, 'utf8')).entries;
}

/**
 * The text of known-gaps.json for these judged runs.
 * @param {{ entry: Entry, observed: Observed, verdict: Verdict }[]} judged
 */
export function knownGapsText(judged) {
  /** @type {Record<string, { verdict: Verdict } & Observed>} */
  const entries = {};
  for (const { entry, observed, verdict } of judged) {
    if (verdict !== 'ok') entries[entry.id] = { verdict, ...observed };
  }
  const note =
    'Entries of tests/content/corpus/files that the current checks get wrong, with what the checks did. ' +
    'The corpus test fails when one of them changes: take it out (or rewrite this file with ' +
    '`npm run corpus -- --write-gaps`) when a check is fixed.';
  return `${JSON.stringify({ note, entries }, null, 2)}\n`;
}

/**
 * Maps `items` through `run`, at most `size` at a time, keeping their order.
 * @template T, R
 * @param {readonly T[]} items
 * @param {number} size
 * @param {(item: T) => Promise<R>} run
 * @returns {Promise<R[]>}
 */
export async function mapPool(items, size, run) {
  /** @type {R[]} */
  const results = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(/** @type {T} */ (items[index]));
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, lane));
  return results;
}

/**
 * Per task and in total: entries, wrong ones killed (fail), misnamed, unnamed, correct passing.
 * @param {{ entry: Entry, observed: Observed, verdict: Verdict }[]} judged
 */
export function tally(judged) {
  /** @typedef {{ wrong: number, killed: number, misnamed: number, unnamed: number, right: number, rightPassing: number }} Row */
  /** @type {Map<string, Row>} */
  const rows = new Map();
  /** @type {Row} */
  const total = { wrong: 0, killed: 0, misnamed: 0, unnamed: 0, right: 0, rightPassing: 0 };
  for (const { entry, verdict } of judged) {
    let row = rows.get(entry.lessonDir);
    if (!row) {
      row = { wrong: 0, killed: 0, misnamed: 0, unnamed: 0, right: 0, rightPassing: 0 };
      rows.set(entry.lessonDir, row);
    }
    for (const counts of [row, total]) {
      if (entry.expectation.kind === 'pass') {
        counts.right++;
        if (verdict === 'ok') counts.rightPassing++;
      } else {
        counts.wrong++;
        if (verdict !== 'passes') counts.killed++;
        if (verdict === 'misnamed') counts.misnamed++;
        if (verdict === 'unnamed') counts.unnamed++;
      }
    }
  }
  return { rows, total };
}
