import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstFrame, mapStack, transpileTask } from '../../../src/engine/transpile.js';
import { loadBundle } from '../../helpers/bundle.js';
import { tempDir } from '../../helpers/temp.js';

describe('transpileTask', () => {
  it('bundles extensionless local imports and lists the inputs', async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'lab.ts'),
      'export type Vector = number[];\nexport const two = 2;\n',
    );
    writeFileSync(
      path.join(dir, '01-a.ts'),
      "import { two } from './lab';\nexport const a = (v: number[]) => v.map((x) => x * two);\n",
    );
    writeFileSync(
      path.join(dir, '02-b.ts'),
      "import { a } from './01-a';\nimport type { Vector } from './lab';\nexport const b = (v: Vector): Vector => a(a(v));\n",
    );
    const result = await transpileTask(dir, '02-b.ts');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.bundle.inputs].sort()).toEqual(['01-a.ts', '02-b.ts', 'lab.ts']);
    const module = loadBundle(result.bundle);
    expect(module.b([1, 2])).toEqual([4, 8]);
  });

  it('reports a missing import as a compile error in the importing file', async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, '02-b.ts'),
      "import { sigmoid } from './01-sigmoid';\nexport const b = sigmoid;\n",
    );
    const result = await transpileTask(dir, '02-b.ts');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics[0]).toMatchObject({ file: '02-b.ts', line: 1, column: 25 });
    expect(result.diagnostics[0]?.message).toMatch(/Could not resolve "\.\/01-sigmoid"/);
  });

  it('maps a stack trace back to the student file and line', async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'lab.ts'),
      'export function boom(): never {\n  throw new Error("boom");\n}\n',
    );
    writeFileSync(
      path.join(dir, '01-a.ts'),
      "import { boom } from './lab';\n\nexport function a(): number {\n  return boom();\n}\n",
    );
    const result = await transpileTask(dir, '01-a.ts');
    if (!result.ok) throw new Error('expected a bundle');
    const module = loadBundle(result.bundle);
    let stack = '';
    try {
      module.a();
    } catch (error) {
      stack = (error as Error).stack ?? '';
    }
    const mapped = mapStack(stack, result.bundle);
    expect(mapped.split('\n')[0]).toBe('    at boom (lab.ts:2:9)');
    expect(mapped).toMatch(/at (Object\.)?a \(01-a\.ts:4:10\)/);
    expect(mapped).not.toMatch(/run-\d+/);
    expect(firstFrame(mapped)).toBe('lab.ts:2:9');
  });
});
