// `npm run corpus [-- --gaps] [--write-gaps] [--jobs N]`: checks every student file of the corpus
// with the built tutor (`logreg-tutor check --json`, as a student would) and prints, per task
// and in total, how many wrong files the checks kill and name rightly, and how many correct
// styles pass. --gaps lists each entry the checks get wrong with the first thing the tutor said;
// --write-gaps rewrites known-gaps.json from this run.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  judge,
  knownGapsFile,
  knownGapsText,
  listEntries,
  mapPool,
  observe,
  tally,
} from './corpus.js';

const repo = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(repo, 'bin', 'logreg-tutor.js');
const { values: options } = parseArgs({
  options: {
    gaps: { type: 'boolean', default: false },
    'write-gaps': { type: 'boolean', default: false },
    jobs: { type: 'string', default: '2' },
  },
});

/** lab.ts and the other workspace files, and every task's reference solution by file name. */
function baseWorkspace() {
  /** @type {Record<string, string>} */
  const files = {};
  const workspace = path.join(repo, 'lessons', 'workspace');
  for (const name of readdirSync(workspace))
    files[name] = readFileSync(path.join(workspace, name), 'utf8');
  for (const dir of readdirSync(path.join(repo, 'lessons'))) {
    if (!/^\d\d-/.test(dir) || dir.startsWith('00-')) continue;
    const lesson = JSON.parse(readFileSync(path.join(repo, 'lessons', dir, 'lesson.json'), 'utf8'));
    files[lesson.file] = readFileSync(path.join(repo, 'lessons', dir, 'solution.ts'), 'utf8');
  }
  return files;
}

/**
 * `logreg-tutor check --json TASK` in a workspace holding these files; its one task result.
 * @param {string} taskId
 * @param {Record<string, string>} files
 * @returns {Promise<{ status: string, checks: { name: string, passed: boolean, message: string, mistake?: string }[] }>}
 */
async function checkWithCli(taskId, files) {
  const dir = mkdtempSync(path.join(tmpdir(), 'logreg-corpus-'));
  try {
    const workspace = path.join(dir, 'ws');
    const config = path.join(dir, 'config');
    mkdirSync(workspace);
    mkdirSync(config);
    for (const [name, text] of Object.entries(files))
      writeFileSync(path.join(workspace, name), text);
    const stdout = await new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [bin, 'check', '--json', '--timeout', '10', '-w', workspace, taskId],
        {
          env: { ...process.env, NO_COLOR: '1', LOGREG_TUTOR_CONFIG_DIR: config },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk) => {
        out += chunk;
      });
      child.on('error', reject);
      child.on('close', () => resolve(out));
    });
    const task = JSON.parse(/** @type {string} */ (stdout)).tasks[0];
    if (!task) throw new Error(`check --json printed no task for ${taskId}`);
    return task;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const base = baseWorkspace();
const entries = listEntries();
const started = performance.now();
const judged = await mapPool(entries, Number(options.jobs), async (entry) => {
  const result = await checkWithCli(entry.taskId, { ...base, ...entry.files });
  const observed = observe(result);
  return { entry, observed, verdict: judge(entry.expectation, observed), result };
});
const seconds = (performance.now() - started) / 1000;

/** @param {number} part @param {number} whole */
const percent = (part, whole) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(0)}%`);
const { rows, total } = tally(judged);
const header = [
  'task',
  'entries',
  'wrong',
  'killed',
  'kill rate',
  'misnamed',
  'unnamed',
  'correct passing',
];
/** @type {[string, typeof total][]} */
const named = [...rows.entries(), ['total', total]];
const lines = named.map(([task, row]) => [
  String(task),
  String(row.wrong + row.right),
  String(row.wrong),
  String(row.killed),
  percent(row.killed, row.wrong),
  `${row.misnamed} (${percent(row.misnamed, row.wrong)})`,
  `${row.unnamed} (${percent(row.unnamed, row.wrong)})`,
  `${row.rightPassing}/${row.right}`,
]);
const widths = header.map((title, i) =>
  Math.max(title.length, ...lines.map((line) => line[i]?.length ?? 0)),
);
/** @param {string[]} cells */
const print = (cells) =>
  console.log(cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
print(header);
for (const line of lines) print(line);
console.log(
  `\nkilled: wrong files that fail; misnamed: fail naming a mistake they do not have; unnamed: fail ` +
    `without naming the one they have. ${entries.length} files in ${seconds.toFixed(1)} s.`,
);

if (options.gaps) {
  console.log('');
  for (const { entry, verdict, result } of judged) {
    if (verdict === 'ok') continue;
    const failed = result.checks.find((check) => !check.passed);
    const said = failed
      ? `✗ ${failed.name}${failed.mistake ? ` [${failed.mistake}]` : ''}: ${failed.message.split('\n').slice(0, 3).join(' / ')}`
      : 'every check passes';
    console.log(
      `${verdict.padEnd(8)} ${entry.id}\n         ${entry.description}\n         tutor: ${said}`,
    );
  }
}

if (options['write-gaps']) {
  writeFileSync(knownGapsFile, knownGapsText(judged));
  console.log(`\nWrote ${path.relative(repo, knownGapsFile)}.`);
}
