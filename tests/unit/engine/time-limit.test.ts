// A check that outlives its time limit is killed, not leaked: its worker thread is gone, memory
// goes back down, and the next check works.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runTask } from '../../../src/engine/run-task.js';
import { makeWorkspace, solvedFiles, task } from '../../helpers/workspace.js';

/** OS threads of this process (a worker thread is one, plus V8's helpers). */
function threads(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? Number.NaN);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(process.platform === 'linux')('a check over its time limit', () => {
  it('is stopped, its thread ends, and the next check works', async () => {
    const sigmoid = task('sigmoid');
    const endless = `export function sigmoid(z: number[]): number[] {\n  for (;;) {}\n}\n`;
    const stuck = makeWorkspace({ ...solvedFiles(), [sigmoid.file]: endless });
    const solved = makeWorkspace(solvedFiles());
    // A first run starts the threads that stay (libuv's pool, esbuild's service).
    await runTask(sigmoid, { workspaceDir: solved });
    await sleep(200);
    const before = threads();

    const started = performance.now();
    const result = await runTask(sigmoid, { workspaceDir: stuck, limits: { timeoutMs: 400 } });
    expect(result.status).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(3000);

    // The worker's threads are gone once it has been terminated.
    let after = threads();
    for (let wait = 0; wait < 40 && after > before; wait++) {
      await sleep(50);
      after = threads();
    }
    expect(after).toBeLessThanOrEqual(before);

    const next = await runTask(sigmoid, { workspaceDir: solved });
    expect(next.status).toBe('pass');
  }, 30_000);
});
