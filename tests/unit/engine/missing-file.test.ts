// A deleted task file: the watcher says so, the TUI's check says it is missing (not "does not
// compile"), and `R` puts the starter back without ever overwriting a file that is there.
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { watchWorkspace } from '../../../src/engine/watch.js';
import { restoreStarter, scaffoldWorkspace } from '../../../src/engine/workspace.js';
import { loadCourse } from '../../../src/lessons/load.js';
import { openProgressStore } from '../../../src/progress/store.js';
import { createTutorServices } from '../../../src/tutor-services.js';

const temp = mkdtempSync(path.join(tmpdir(), 'logreg-missing-'));
const course = loadCourse();
const sigmoid = course.tasks[0];
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('restoreStarter', () => {
  it('puts back a missing file, and never touches one that is there', () => {
    if (!sigmoid) throw new Error('no task');
    const dir = path.join(temp, 'restore');
    scaffoldWorkspace(course, dir);
    const file = path.join(dir, sigmoid.file);
    writeFileSync(file, '// my work\n');
    expect(restoreStarter(sigmoid, dir)).toBe('exists');
    expect(readFileSync(file, 'utf8')).toBe('// my work\n');
    unlinkSync(file);
    expect(restoreStarter(sigmoid, dir)).toBe('restored');
    expect(readFileSync(file, 'utf8')).toBe(sigmoid.starter);
  });
});

describe('watchWorkspace', () => {
  it('reports a deleted task file', async () => {
    const dir = path.join(temp, 'watch');
    scaffoldWorkspace(course, dir);
    const seen: string[] = [];
    let stop = () => {};
    await new Promise<void>((resolve) => {
      stop = watchWorkspace(dir, (file) => seen.push(file), { onReady: resolve });
    });
    try {
      unlinkSync(path.join(dir, '01-sigmoid.ts'));
      await until(() => seen.includes('01-sigmoid.ts'));
    } finally {
      stop();
    }
  });
});

describe('the TUI services on a deleted task file', () => {
  it('check it as missing, with the way back, and restore it once', async () => {
    if (!sigmoid) throw new Error('no task');
    const dir = path.join(temp, 'services');
    scaffoldWorkspace(course, dir);
    const services = createTutorServices({
      course,
      workspaceDir: dir,
      progress: openProgressStore({ cwd: path.join(temp, 'config') }),
    });
    try {
      unlinkSync(path.join(dir, sigmoid.file));
      const result = await services.checkTask(sigmoid.id, new AbortController().signal);
      expect(result).toMatchObject({ missingFile: true, status: 'compile-error' });
      expect(result.error).toMatch(/not in the workspace.*Press R/);
      expect(await services.restoreTaskFile(sigmoid.id)).toBe('restored');
      expect(await services.restoreTaskFile(sigmoid.id)).toBe('exists');
      const again = await services.checkTask(sigmoid.id, new AbortController().signal);
      expect(again.notImplemented).toBe(true);
    } finally {
      await services.close();
    }
  });
});
