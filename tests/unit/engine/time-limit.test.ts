// A check that outlives its time limit is killed, not leaked: its sandbox process (and its
// process group) is gone, and the next check works.
import { describe, expect, it } from 'vitest';
import { runTask } from '../../../src/engine/run-task.js';
import { SandboxPool } from '../../../src/engine/sandbox.js';
import { alive, inGroups } from '../../helpers/process.js';
import { makeWorkspace, solvedFiles, task } from '../../helpers/workspace.js';

describe('a check over its time limit', () => {
  it('is stopped, its process ends, and the next check works', async () => {
    const sigmoid = task('sigmoid');
    const endless = `export function sigmoid(z: number[]): number[] {\n  for (;;) {}\n}\n`;
    const stuck = makeWorkspace({ ...solvedFiles(), [sigmoid.file]: endless });
    const solved = makeWorkspace(solvedFiles());
    const pool = new SandboxPool();
    pool.prewarm();
    const running = pool.pids();

    const started = performance.now();
    const result = await runTask(sigmoid, {
      workspaceDir: stuck,
      pool,
      limits: { timeoutMs: 400 },
    });
    expect(result.status).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(3000);
    // The run waits for its process to be gone before it returns.
    expect(running.filter(alive)).toEqual([]);
    if (process.platform === 'linux') expect(inGroups(running)).toEqual([]);

    const next = await runTask(sigmoid, { workspaceDir: solved, pool });
    expect(next.status).toBe('pass');
    await pool.close();
    expect(pool.pids()).toEqual([]);
  }, 30_000);
});
