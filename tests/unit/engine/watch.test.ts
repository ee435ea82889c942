import { mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchWorkspace } from '../../../src/engine/watch.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A watched temporary workspace; `seen` collects what the watcher reported. */
async function watched(): Promise<{ dir: string; seen: string[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'logreg-watch-'));
  writeFileSync(path.join(dir, '01-sigmoid.ts'), 'export {};\n');
  const seen: string[] = [];
  let stop = () => {};
  await new Promise<void>((resolve) => {
    stop = watchWorkspace(dir, (file) => seen.push(file), { onReady: resolve });
  });
  cleanups.push(() => {
    stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, seen };
}

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for the watcher `);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('watchWorkspace', () => {
  it('sees an atomic save (write a temp file, rename it over the original)', async () => {
    const { dir, seen } = await watched();
    const temp = path.join(dir, '.01-sigmoid.ts.tmp-1234');
    writeFileSync(temp, 'export const saved = 1;\n');
    renameSync(temp, path.join(dir, '01-sigmoid.ts'));
    await until(() => seen.includes('01-sigmoid.ts'));
    expect(new Set(seen)).toEqual(new Set(['01-sigmoid.ts']));
  });

  it('sees every one of 20 atomic saves in a row, each as soon as the last was seen', async () => {
    const { dir, seen } = await watched();
    for (let save = 1; save <= 20; save++) {
      const temp = path.join(dir, `01-sigmoid.ts.${save}~`);
      writeFileSync(temp, `export const saved = ${save};\n`);
      renameSync(temp, path.join(dir, '01-sigmoid.ts'));
      await until(() => seen.length >= save);
    }
    expect(seen.every((file) => file === '01-sigmoid.ts')).toBe(true);
  });

  it('reports the last of a burst of saves, after the watcher saw the first', async () => {
    const { dir, seen } = await watched();
    writeFileSync(path.join(dir, '01-sigmoid.ts'), 'export const saved = 1;\n');
    await until(() => seen.length === 1);
    // Within chokidar's 50 ms throttle of the first report.
    writeFileSync(path.join(dir, '01-sigmoid.ts'), 'export const saved = 2;\n');
    await until(() => seen.length === 2);
  });

  it('sees a plain write and a new file, and ignores what is not a .ts source', async () => {
    const { dir, seen } = await watched();
    writeFileSync(path.join(dir, 'notes.md'), '# notes\n');
    writeFileSync(path.join(dir, '.01-sigmoid.ts.swp'), 'swap');
    writeFileSync(path.join(dir, '02-bce-loss.ts'), 'export {};\n');
    writeFileSync(path.join(dir, '01-sigmoid.ts'), 'export const x = 2;\n');
    await until(() => seen.includes('01-sigmoid.ts') && seen.includes('02-bce-loss.ts'));
    unlinkSync(path.join(dir, 'notes.md'));
    expect(seen.filter((file) => !['01-sigmoid.ts', '02-bce-loss.ts'].includes(file))).toEqual([]);
  });
});
