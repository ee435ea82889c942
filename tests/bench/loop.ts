// The benchmark's in-process half (bundled and run by bench.js): the TUI's save → verdict loop
// driven through the real services (chokidar watcher, the hook's debounce, checkTask, the
// progress store), and the parts of one check. Prints one JSON document on stdout.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTask } from '../../src/engine/run-task.js';
import { Sandbox, SandboxPool } from '../../src/engine/sandbox.js';
import { transpileTask } from '../../src/engine/transpile.js';
import { watchWorkspace } from '../../src/engine/watch.js';
import { scaffoldWorkspace } from '../../src/engine/workspace.js';
import { loadCourse } from '../../src/lessons/load.js';
import { recordResult } from '../../src/progress/record-results.js';
import { openProgressStore } from '../../src/progress/store.js';
import { createTutorServices } from '../../src/tutor-services.js';
import { saveDebounceMs } from '../../src/ui/hooks/use-workspace-watch.js';
import { childProcesses, residentMemory } from './memory.js';
import { failingVariant } from './variants.js';

const runs = Number(process.argv[2] ?? 7);
const gapMs = 250;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Sample {
  readonly task: string;
  readonly variant: 'pass' | 'fail';
  /** Write → the watcher's report. */
  readonly eventMs: number;
  /** Write → the check started (after the hook's debounce). */
  readonly startMs: number;
  /** Write → the verdict recorded and ready to draw. */
  readonly verdictMs: number;
  /** The check alone (runTask's own figure). */
  readonly checkMs: number;
  readonly status: string;
}

/** The type-checker's process among this one's children (Linux), if it runs. */
function typeCheckerProcess(): number | undefined {
  try {
    const children = readFileSync(`/proc/self/task/${process.pid}/children`, 'utf8')
      .split(' ')
      .filter(Boolean)
      .map(Number);
    return children.find((pid) =>
      readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('typecheck-worker'),
    );
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const course = loadCourse();
  const temp = mkdtempSync(path.join(tmpdir(), 'logreg-bench-loop-'));
  const workspaceDir = path.join(temp, 'lab');
  scaffoldWorkspace(course, workspaceDir);
  for (const task of course.tasks) writeFileSync(path.join(workspaceDir, task.file), task.solution);
  const progress = openProgressStore({ cwd: path.join(temp, 'config') });
  const services = createTutorServices({ course, workspaceDir, progress });

  // --- save → verdict, as the TUI's hooks do it -------------------------------------------
  const samples: Sample[] = [];
  let waiting: ((file: string) => void) | undefined;
  let ready!: () => void;
  const watching = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const stop = watchWorkspace(workspaceDir, (file) => waiting?.(file), { onReady: ready });
  await watching;
  await sleep(200);
  // Sandbox processes live for one run: their peak memory is read while they are alive.
  const sandboxPeaks = new Map<number, number>();
  const sampler = setInterval(() => {
    for (const child of childProcesses(process.pid)) {
      if (!child.command.includes('sandbox-child')) continue;
      const { peakMb } = residentMemory(child.pid);
      if (Number.isFinite(peakMb)) {
        sandboxPeaks.set(child.pid, Math.max(peakMb, sandboxPeaks.get(child.pid) ?? 0));
      }
    }
  }, 20);
  for (const task of course.tasks) {
    for (let run = 0; run < runs; run++) {
      for (const variant of ['fail', 'pass'] as const) {
        const text = variant === 'pass' ? task.solution : failingVariant(task);
        const written = performance.now();
        const event = new Promise<number>((resolve) => {
          waiting = (file) => {
            if (file === task.file) {
              waiting = undefined;
              resolve(performance.now());
            }
          };
        });
        writeFileSync(path.join(workspaceDir, task.file), text);
        const seen = await event;
        await sleep(saveDebounceMs);
        const started = performance.now();
        const result = await services.checkTask(task.id, new AbortController().signal);
        recordResult(progress, workspaceDir, result);
        const done = performance.now();
        samples.push({
          task: task.id,
          variant,
          eventMs: seen - written,
          startMs: started - written,
          verdictMs: done - written,
          checkMs: result.durationMs,
          status: result.status,
        });
        await sleep(gapMs);
      }
    }
  }
  stop();
  clearInterval(sampler);
  // Where the TUI's memory goes: the checks alone, then the type-checker, a process of its own
  // (so it adds nothing to this process: its own figure is read from /proc).
  const memory: Record<string, { rssMb: number; peakMb: number }> = {};
  memory.afterChecks = residentMemory();
  await services.typeCheck(course.tasks[0]?.id ?? 'sigmoid');
  memory.afterTypeCheck = residentMemory();
  const checker = typeCheckerProcess();
  if (checker !== undefined) memory.typeCheckerProcess = residentMemory(checker);
  const peaks = [...sandboxPeaks.values()].sort((a, b) => a - b);
  if (peaks.length > 0) {
    // One process per run: the median and the largest of their peaks.
    memory.sandboxProcessMedian = { rssMb: Number.NaN, peakMb: peaks[peaks.length >> 1] ?? 0 };
    memory.sandboxProcessLargest = { rssMb: Number.NaN, peakMb: peaks[peaks.length - 1] ?? 0 };
  }
  await services.close();

  // --- the parts of a check: transform, a cold sandbox, the checks on a prepared one ------
  const parts: {
    task: string;
    transformMs: number;
    coldStartMs: number;
    warmRunMs: number;
    operations: number;
  }[] = [];
  /** The pool, keeping each sandbox it hands out, to count the operations of its run. */
  class CountingPool extends SandboxPool {
    lastAcquired: Sandbox | undefined;
    override acquire(): Sandbox {
      this.lastAcquired = super.acquire();
      return this.lastAcquired;
    }
  }
  const pool = new CountingPool();
  pool.prewarm();
  for (const task of course.tasks) {
    for (let run = 0; run < runs; run++) {
      let started = performance.now();
      const transpiled = await transpileTask(workspaceDir, task.file);
      const transformMs = performance.now() - started;
      if (!transpiled.ok) throw new Error(`${task.id} did not compile`);
      started = performance.now();
      const cold = new Sandbox();
      await cold.load(transpiled.bundle, {
        timeoutMs: 5000,
        heapMb: 512,
        externalMb: 1024,
        outputBytes: 16384,
      });
      const coldStartMs = performance.now() - started;
      await cold.dispose();
      await sleep(60); // the pool's next sandbox boots
      const result = await runTask(task, { workspaceDir, pool });
      parts.push({
        task: task.id,
        transformMs,
        coldStartMs,
        warmRunMs: result.durationMs,
        operations: pool.lastAcquired?.operations ?? Number.NaN,
      });
    }
  }
  // --- the boundary's own cost: one call's round trip on a prepared sandbox ----------------
  // (the checks' operations × this is what running student code in a process of its own adds)
  const roundTrips: number[] = [];
  for (let round = 0; round < runs; round++) {
    const sandbox = pool.acquire();
    await sandbox.load(
      { code: 'exports.double = (v) => v.map((x) => 2 * x);', filename: 'double.js' },
      { timeoutMs: 5000, heapMb: 512, externalMb: 1024, outputBytes: 16384 },
    );
    for (let call = 0; call < 100; call++) {
      const started = performance.now();
      await sandbox.call('double', [[1, 2, 3]]);
      roundTrips.push(performance.now() - started);
    }
    await sandbox.dispose();
    await sleep(60);
  }
  await pool.close();
  rmSync(temp, { recursive: true, force: true });
  process.stdout.write(
    `${JSON.stringify({ saveDebounceMs, samples, parts, memory, roundTrips })}\n`,
  );
}

await main();
