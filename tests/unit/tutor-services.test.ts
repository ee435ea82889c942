import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { scaffoldWorkspace } from '../../src/engine/workspace.js';
import { loadCourse } from '../../src/lessons/load.js';
import { openProgressStore } from '../../src/progress/store.js';
import { createTutorServices } from '../../src/tutor-services.js';

const temp = mkdtempSync(path.join(tmpdir(), 'logreg-services-'));
const course = loadCourse();
const workspaceDir = path.join(temp, 'lab');
scaffoldWorkspace(course, workspaceDir);
const progress = openProgressStore({ cwd: path.join(temp, 'config') });
const services = createTutorServices({ course, workspaceDir, progress });
const sigmoid = course.tasks[0];
afterAll(async () => {
  await services.close();
  rmSync(temp, { recursive: true, force: true });
});

describe('createTutorServices', () => {
  it('checks a task in the warm sandbox pool: the starter is not started, the solution passes', async () => {
    if (!sigmoid) throw new Error('no task');
    const starter = await services.checkTask(sigmoid.id, new AbortController().signal);
    expect(starter.notImplemented).toBe(true);
    writeFileSync(path.join(workspaceDir, sigmoid.file), sigmoid.solution);
    const solved = await services.checkTask(sigmoid.id, new AbortController().signal);
    expect(solved.status).toBe('pass');
  });

  it('finds the recorded verdicts whose files changed since, by the hashes each check records', async () => {
    const [first, second, third] = course.tasks;
    if (!first || !second || !third) throw new Error('no tasks');
    for (const task of [first, second, third])
      writeFileSync(path.join(workspaceDir, task.file), task.solution);
    for (const task of [first, third])
      progress.recordResult(
        workspaceDir,
        await services.checkTask(task.id, new AbortController().signal),
      );
    expect(await services.staleTasks()).toEqual([]);
    // loss-and-grad imports sigmoid's file: a change there makes both verdicts stale.
    writeFileSync(path.join(workspaceDir, first.file), `${first.solution}\n// edited\n`);
    expect(await services.staleTasks()).toEqual([
      { taskId: first.id, reason: 'changed' },
      { taskId: third.id, reason: 'changed' },
    ]);
  });

  it('rejects with an AbortError when the check is aborted', async () => {
    if (!sigmoid) throw new Error('no task');
    writeFileSync(
      path.join(workspaceDir, sigmoid.file),
      'export function sigmoid(z: number[]): number[] {\n  for (;;) {}\n}\n',
    );
    const controller = new AbortController();
    const running = services.checkTask(sigmoid.id, controller.signal);
    setTimeout(() => controller.abort(), 200);
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
  });

  it("runs a task's notebook cell in the sandbox, and rejects with an AbortError when aborted", async () => {
    if (!sigmoid) throw new Error('no task');
    writeFileSync(path.join(workspaceDir, sigmoid.file), sigmoid.solution);
    const solved = await services.runNotebookCell(sigmoid.id, new AbortController().signal);
    expect(solved.checks).toEqual([
      { name: 'in_0_1', ok: true },
      { name: 'monotonic', ok: true },
    ]);
    writeFileSync(
      path.join(workspaceDir, sigmoid.file),
      'export function sigmoid(z: number[]): number[] {\n  for (;;) {}\n}\n',
    );
    const controller = new AbortController();
    const endless = services.runNotebookCell(sigmoid.id, controller.signal);
    controller.abort();
    await expect(endless).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('type-checks against the workspace tsconfig', async () => {
    if (!sigmoid) throw new Error('no task');
    writeFileSync(
      path.join(workspaceDir, sigmoid.file),
      "export function sigmoid(z: number[]): number[] {\n  const n: number = 'one';\n  return z;\n}\n",
    );
    const diagnostics = await services.typeCheck(sigmoid.id);
    expect(diagnostics).toMatchObject([
      { file: sigmoid.file, line: 2, message: "Type 'string' is not assignable to type 'number'." },
    ]);
  });

  it('watches the workspace once chokidar has loaded, and a watch stopped before that never starts', async () => {
    const stoppedEarly: string[] = [];
    const stop = services.watchWorkspace((file) => stoppedEarly.push(file));
    stop();
    const seen: string[] = [];
    const watching = services.watchWorkspace((file) => seen.push(file));
    // The watcher reports only saves made after it is ready: save until one is seen.
    await vi.waitFor(
      () => {
        writeFileSync(path.join(workspaceDir, 'scratch.ts'), `export const at = ${Date.now()};\n`);
        expect(seen).toContain('scratch.ts');
      },
      { timeout: 10_000, interval: 200 },
    );
    watching();
    expect(stoppedEarly).toEqual([]);
  });

  it('rejects an unknown task id with a message naming the valid ones', async () => {
    await expect(services.checkTask('nope', new AbortController().signal)).rejects.toThrow(
      /Unknown task `nope`: expected one of sigmoid/,
    );
  });
});
