// A `check` killed with SIGKILL in the middle of an endless loop cannot clean up: its sandbox
// processes must end on their own (the run's deadline, the closed pipe). They are found by
// parent, process id and process group, not by a pattern on the command line (a sandbox is
// started by the absolute path of node, which such a pattern misses).
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { binPath } from '../helpers/cli.js';
import { alive, inGroups, processTable } from '../helpers/process.js';
import { makeWorkspace, solvedFiles, task, tempDir } from '../helpers/workspace.js';

/** Polls `read` until it returns a value, or fails after `timeoutMs`. */
async function until<T>(what: string, read: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Endless loops a student file can start: in its own call, and in a callback V8 runs later. */
const loops = [
  ['in the call', 'export function sigmoid(z: number[]): number[] {\n  for (;;) {}\n}\n'],
  [
    // V8 runs a FinalizationRegistry's cleanup as a task of its own, between operations, where
    // no time limit of a run is armed.
    'in a FinalizationRegistry cleanup',
    `const registry = new FinalizationRegistry(() => {
  for (;;) {}
});
const churn = () => { for (let i = 0; i < 20000; i++) registry.register({ a: new Array(20) }, i); };
churn();
export function sigmoid(z: number[]): number[] {
  churn();
  return z.map((x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))));
}
`,
  ],
] as const;

describe.runIf(process.platform === 'linux')('a check killed during an endless loop', () => {
  it.each(loops)(
    '%s: leaves no sandbox process 2 s after SIGKILL',
    async (_where, source) => {
      const sigmoid = task('sigmoid');
      const workspace = makeWorkspace({
        ...solvedFiles(),
        [sigmoid.file]: source,
      });
      const tutor = spawn(
        process.execPath,
        [binPath, 'check', 'sigmoid', '--timeout', '1', '--workspace', workspace],
        {
          env: {
            ...process.env,
            LOGREG_TUTOR_CONFIG_DIR: tempDir('logreg-config-'),
            NO_COLOR: '1',
          },
          stdio: 'ignore',
        },
      );
      const tutorPid = tutor.pid as number;
      const exited = new Promise((resolve) => tutor.once('exit', resolve));
      // Sandboxes are the tutor's children that lead a process group of their own.
      const sandboxes = () =>
        processTable().filter((entry) => entry.parent === tutorPid && entry.group === entry.pid);
      const spinning = await until(
        'a sandbox to run the endless loop',
        () => sandboxes().find((entry) => entry.cpuTicks >= 5),
        20_000,
      );
      const groups = sandboxes().map((entry) => entry.group);
      expect(groups).toContain(spinning.pid);

      process.kill(tutorPid, 'SIGKILL');
      await exited;
      const left = await until(
        'every sandbox process to end',
        () => (inGroups(groups).length === 0 ? [] : undefined),
        2000,
      ).catch(() => inGroups(groups));
      expect(left).toEqual([]);
      expect(groups.filter(alive)).toEqual([]);
    },
    30_000,
  );
});
