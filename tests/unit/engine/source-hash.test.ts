import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTask } from '../../../src/engine/run-task.js';
import {
  currentSourceHashes,
  hashSource,
  sameSources,
  unreadSource,
} from '../../../src/engine/source-hash.js';
import { transpileTask } from '../../../src/engine/transpile.js';
import { makeWorkspace, solvedFiles, task, tempDir } from '../../helpers/workspace.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('source hashes', () => {
  it('hash the bytes the bundle read: the task file and every workspace file it imports', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'lab.ts'), 'export const two = 2;\n');
    writeFileSync(path.join(dir, 'unused.ts'), 'export const three = 3;\n');
    writeFileSync(
      path.join(dir, '01-a.ts'),
      "import { two } from './lab';\nexport const a = two;\n",
    );
    const result = await transpileTask(dir, '01-a.ts');
    if (!result.ok) throw new Error(result.error);
    expect(result.bundle.sources).toEqual({
      '01-a.ts': hashSource(bytes("import { two } from './lab';\nexport const a = two;\n")),
      'lab.ts': hashSource(bytes('export const two = 2;\n')),
    });
    expect(await currentSourceHashes(dir, Object.keys(result.bundle.sources))).toEqual(
      result.bundle.sources,
    );
  });

  it('change when an imported file changes, not only the task file', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'lab.ts'), 'export const two = 2;\n');
    writeFileSync(
      path.join(dir, '01-a.ts'),
      "import { two } from './lab';\nexport const a = two;\n",
    );
    const before = await transpileTask(dir, '01-a.ts');
    if (!before.ok) throw new Error(before.error);
    writeFileSync(path.join(dir, 'lab.ts'), 'export const two = 2.5;\n');
    const now = await currentSourceHashes(dir, Object.keys(before.bundle.sources));
    expect(sameSources(before.bundle.sources, now)).toBe(false);
    expect(now['01-a.ts']).toBe(before.bundle.sources['01-a.ts']);
  });

  it('are kept for a file that does not compile, and mark a missing task file unread', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '01-a.ts'), 'export const a = ;\n');
    const broken = await transpileTask(dir, '01-a.ts');
    if (broken.ok) throw new Error('expected a compile error');
    expect(broken.sources).toEqual({ '01-a.ts': hashSource(bytes('export const a = ;\n')) });

    rmSync(path.join(dir, '01-a.ts'));
    const missing = await transpileTask(dir, '01-a.ts');
    if (missing.ok) throw new Error('expected a compile error');
    expect(missing.sources).toEqual({ '01-a.ts': unreadSource });
    // Still missing: the same as recorded, so no change.
    expect(sameSources(missing.sources, await currentSourceHashes(dir, ['01-a.ts']))).toBe(true);
  });

  it('read nothing outside the workspace, whatever the recorded names say', async () => {
    const root = tempDir();
    const dir = path.join(root, 'ws');
    mkdirSync(dir);
    writeFileSync(path.join(root, 'secret.ts'), 'export const s = 1;\n');
    expect(await currentSourceHashes(dir, ['../secret.ts', path.join(root, 'secret.ts')])).toEqual({
      '../secret.ts': unreadSource,
      [path.join(root, 'secret.ts')]: unreadSource,
    });
  });

  it('go with every task result, whatever its status', async () => {
    const sigmoid = task('sigmoid');
    const dir = makeWorkspace({ ...solvedFiles(), [sigmoid.file]: sigmoid.starter });
    const result = await runTask(sigmoid, { workspaceDir: dir, limits: { timeoutMs: 10_000 } });
    expect(result.status).not.toBe('pass');
    expect(result.sources?.[sigmoid.file]).toBe(hashSource(bytes(sigmoid.starter)));
    expect(result.sources).toEqual(
      await currentSourceHashes(dir, Object.keys(result.sources ?? {})),
    );
  });

  it('compare equal only with the same files and contents', () => {
    expect(sameSources({ a: '1' }, { a: '1' })).toBe(true);
    expect(sameSources({ a: '1' }, { a: '2' })).toBe(false);
    expect(sameSources({ a: '1' }, { a: '1', b: '2' })).toBe(false);
    expect(sameSources({ a: '1', b: '2' }, { a: '1', c: '2' })).toBe(false);
  });
});
