// Bundling reads only the workspace: imports that lead out of it (by path, by link, by package
// name) are compile errors that name the import, configuration files above it change nothing,
// a task file that is a link out or a folder is never read, and size and time are bounded.
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTask } from '../../../src/engine/run-task.js';
import { type TranspileResult, transpileTask } from '../../../src/engine/transpile.js';
import { maxBundleBytes } from '../../../src/engine/workspace-imports.js';
import { makeWorkspace, solvedFiles, task, tempDir } from '../../helpers/workspace.js';

const sigmoid = task('sigmoid');
/** The reference solution as the installed package ships it. */
const installedSolution = path.resolve('lessons', '01-sigmoid', 'solution');
/** The secret a file outside the workspace holds: it must never reach a bundle or a message. */
const secret = 'SECRET-OUTSIDE-THE-WORKSPACE';

function failure(result: TranspileResult) {
  if (result.ok) throw new Error('expected the bundle to fail');
  return result;
}

/** A workspace inside a parent folder that holds files the bundle must not read. */
function workspaceBeside(files: Record<string, string>): { parent: string; dir: string } {
  const parent = tempDir('logreg-parent-');
  writeFileSync(
    path.join(parent, 'outside.ts'),
    `export const sigmoid = (z: number[]) => z.map(() => 0.5); // ${secret}\n`,
  );
  const dir = path.join(parent, 'lab');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return { parent, dir };
}

function expectRefused(result: TranspileResult, specifier: string) {
  const failed = failure(result);
  expect(failed.status).toBe('compile-error');
  expect(failed.diagnostics[0]?.message).toContain(`"${specifier}"`);
  expect(failed.diagnostics[0]?.message).toMatch(
    /task files may only import files of the workspace/,
  );
  expect(failed.diagnostics[0]).toMatchObject({ file: '01-sigmoid.ts', line: 1 });
  expect(JSON.stringify(failed)).not.toContain(secret);
}

describe('imports that leave the workspace', () => {
  it.each([
    ['an absolute path to the installed solution', installedSolution],
    ['an absolute path with its extension', `${installedSolution}.ts`],
  ])('refuses %s', async (_, specifier) => {
    const { dir } = workspaceBeside({
      '01-sigmoid.ts': `export { sigmoid } from '${specifier}';\n`,
    });
    expectRefused(await transpileTask(dir, '01-sigmoid.ts'), specifier);
  });

  it('refuses `..` past the root, to a file beside it or to the installed solution', async () => {
    const { dir } = workspaceBeside({});
    for (const specifier of [
      '../outside',
      '../outside.js',
      path.relative(dir, installedSolution),
    ]) {
      writeFileSync(path.join(dir, '01-sigmoid.ts'), `export { sigmoid } from '${specifier}';\n`);
      expectRefused(await transpileTask(dir, '01-sigmoid.ts'), specifier);
    }
  });

  it('allows `..` that stays inside the workspace', async () => {
    const { dir } = workspaceBeside({ 'lab.ts': 'export const two = 2;\n' });
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'helper.ts'), "export { two } from '../lab.js';\n");
    writeFileSync(path.join(dir, '01-sigmoid.ts'), "export { two } from './sub/../sub/helper';\n");
    const result = await transpileTask(dir, '01-sigmoid.ts');
    expect(result.ok).toBe(true);
    if (result.ok)
      expect([...result.bundle.inputs].sort()).toEqual([
        '01-sigmoid.ts',
        'lab.ts',
        path.join('sub', 'helper.ts'),
      ]);
  });

  it('refuses a link, to a file or a folder, that points out of the workspace', async () => {
    const { parent, dir } = workspaceBeside({});
    symlinkSync(path.join(parent, 'outside.ts'), path.join(dir, 'helper.ts'));
    symlinkSync(path.dirname(installedSolution), path.join(dir, 'lessons'));
    for (const specifier of ['./helper', './helper.js', './lessons/solution']) {
      writeFileSync(path.join(dir, '01-sigmoid.ts'), `export { sigmoid } from '${specifier}';\n`);
      expectRefused(await transpileTask(dir, '01-sigmoid.ts'), specifier);
    }
  });

  it('follows a link that stays inside the workspace', async () => {
    const { dir } = workspaceBeside({ 'lab.ts': 'export const two = 2;\n' });
    symlinkSync(path.join(dir, 'lab.ts'), path.join(dir, 'alias.ts'));
    writeFileSync(path.join(dir, '01-sigmoid.ts'), "export { two } from './alias';\n");
    expect((await transpileTask(dir, '01-sigmoid.ts')).ok).toBe(true);
  });

  it.each([
    ['a package', 'lodash'],
    ['a Node module', 'node:fs'],
    ['a Node module without its prefix', 'child_process'],
    ['a package-style path', '#internal'],
  ])('refuses %s by name', async (_, specifier) => {
    const { dir } = workspaceBeside({
      '01-sigmoid.ts': `import * as m from '${specifier}';\nexport const sigmoid = m;\n`,
    });
    expectRefused(await transpileTask(dir, '01-sigmoid.ts'), specifier);
  });

  it('refuses `require` and `import()` of a file outside as well', async () => {
    const { dir } = workspaceBeside({});
    for (const [specifier, code] of [
      ['../outside', "export const sigmoid = require('../outside').sigmoid;\n"],
      ['../outside.js', "export const load = () => import('../outside.js');\n"],
    ] as const) {
      writeFileSync(path.join(dir, '01-sigmoid.ts'), code);
      expectRefused(await transpileTask(dir, '01-sigmoid.ts'), specifier);
    }
  });
});

describe('source map links', () => {
  it('a `sourceMappingURL` to a map outside the workspace is not followed', async () => {
    const { parent, dir } = workspaceBeside({});
    // A valid map whose source names the secret: followed, it would show in the bundle's map
    // (and in every stack trace of the run).
    const outsideMap = path.join(parent, 'outside.map');
    writeFileSync(
      outsideMap,
      JSON.stringify({ version: 3, sources: [`${secret}.ts`], names: [], mappings: 'AAAA' }),
    );
    for (const link of [outsideMap, '../outside.map']) {
      writeFileSync(
        path.join(dir, '01-sigmoid.ts'),
        `export const sigmoid = (z: number[]) => z.map(() => 0.5);\n//# sourceMappingURL=${link}\n`,
      );
      const result = await transpileTask(dir, '01-sigmoid.ts');
      if (!result.ok) throw new Error(result.error);
      expect(JSON.stringify(result.bundle.map)).not.toContain(secret);
      expect(result.bundle.code).not.toContain(secret);
    }
  });
});

describe('configuration above the workspace', () => {
  // What a poisoned tsconfig.json or package.json above the workspace could change, if read.
  const probe = {
    'lab.ts': 'console.log("lab has side effects");\nexport const two = 2;\n',
    '01-sigmoid.ts': [
      "import './lab.js';",
      "import { two } from './lab.js';",
      'class Counter { count = two; constructor() {} }',
      'export const sigmoid = (z: number[]) => z.map(() => new Counter().count);',
      '',
    ].join('\n'),
    '02-view.tsx': "import { two } from './lab.js';\nexport const view = <div>{two}</div>;\n",
  };

  function bundleText(result: TranspileResult): string {
    if (!result.ok) throw new Error(result.error);
    return result.bundle.code.replace(/\/\/# sourceMappingURL=.*$/m, '');
  }

  it('changes nothing: tsconfig.json (extends, paths, baseUrl, jsx, class fields), package.json', async () => {
    const clean = workspaceBeside(probe);
    const poisoned = workspaceBeside(probe);
    writeFileSync(
      path.join(poisoned.parent, 'tsconfig.json'),
      JSON.stringify({
        extends: './missing-base.json',
        compilerOptions: {
          baseUrl: '.',
          paths: { '*': ['./outside'], './lab.js': ['./outside.ts'] },
          jsx: 'preserve',
          jsxFactory: 'evil',
          jsxImportSource: '../outside',
          useDefineForClassFields: false,
          experimentalDecorators: true,
          verbatimModuleSyntax: true,
        },
      }),
    );
    writeFileSync(
      path.join(poisoned.parent, 'package.json'),
      JSON.stringify({
        type: 'commonjs',
        sideEffects: false,
        browser: { './lab/lab.ts': './outside.ts' },
        imports: { '#lab': './outside.ts' },
      }),
    );
    for (const file of ['01-sigmoid.ts', '02-view.tsx']) {
      const cleanResult = await transpileTask(clean.dir, file);
      const poisonedResult = await transpileTask(poisoned.dir, file);
      expect(bundleText(poisonedResult)).toBe(bundleText(cleanResult));
      expect(bundleText(poisonedResult)).toMatch(/lab has side effects/);
      expect(bundleText(poisonedResult)).not.toContain(secret);
    }
  });

  it('a package name mapped by `paths` is still refused', async () => {
    const { parent, dir } = workspaceBeside({
      '01-sigmoid.ts': "export { sigmoid } from 'outside';\n",
    });
    writeFileSync(
      path.join(parent, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { outside: ['./outside.ts'] } } }),
    );
    expectRefused(await transpileTask(dir, '01-sigmoid.ts'), 'outside');
  });
});

describe('a task file that is not a file of the workspace', () => {
  it('a link out is never read, and the message says how to fix it', async () => {
    const { parent, dir } = workspaceBeside({});
    symlinkSync(path.join(parent, 'outside.ts'), path.join(dir, '01-sigmoid.ts'));
    const failed = failure(await transpileTask(dir, '01-sigmoid.ts'));
    expect(failed.status).toBe('compile-error');
    expect(failed.error).toMatch(/`01-sigmoid\.ts` is a link to a file outside the workspace/);
    expect(failed.error).toMatch(/Delete the link and save your code as the file `01-sigmoid\.ts`/);
    expect(failed.diagnostics[0]?.lineText).toBe('');
    expect(JSON.stringify(failed)).not.toContain(secret);
  });

  it('a folder gets a message saying so', async () => {
    const { dir } = workspaceBeside({});
    mkdirSync(path.join(dir, '01-sigmoid.ts'));
    const failed = failure(await transpileTask(dir, '01-sigmoid.ts'));
    expect(failed.status).toBe('compile-error');
    expect(failed.error).toMatch(/`01-sigmoid\.ts` is a folder, not a file\. Rename or remove/);
  });
});

describe('size and time', () => {
  it(`refuses a helper larger than ${maxBundleBytes} bytes without reading it`, async () => {
    const { dir } = workspaceBeside({
      '01-sigmoid.ts': "export { sigmoid } from './generated';\n",
    });
    // Sparse: as large as a generated helper, with nothing in it worth reading.
    writeFileSync(path.join(dir, 'generated.ts'), '');
    truncateSync(path.join(dir, 'generated.ts'), 48 * 1024 * 1024);
    const failed = failure(await transpileTask(dir, '01-sigmoid.ts'));
    expect(failed.status).toBe('compile-error');
    expect(failed.error).toMatch(/`generated\.ts` \(48\.0 MB\) makes the bundle too large/);
    expect(failed.error).toContain('1.0 MB together');
  });

  it('counts every file of the bundle toward the cap', async () => {
    const half = `export const data = '${'x'.repeat(maxBundleBytes / 2)}';\n`;
    const { dir } = workspaceBeside({
      'a.ts': half,
      'b.ts': half,
      '01-sigmoid.ts': "export { data } from './a';\nexport { data as more } from './b';\n",
    });
    expect(failure(await transpileTask(dir, '01-sigmoid.ts')).error).toMatch(/too large/);
  });

  it('a bundle out of time is a timeout, as data', async () => {
    const { dir } = workspaceBeside({ '01-sigmoid.ts': 'export const sigmoid = 1;\n' });
    const failed = failure(await transpileTask(dir, '01-sigmoid.ts', { timeoutMs: 0 }));
    expect(failed.status).toBe('timeout');
    expect(failed.error).toMatch(
      /Bundling `01-sigmoid\.ts` with its imports did not finish within 0 s/,
    );
  });

  it('an aborted bundle rejects with an AbortError', async () => {
    const { dir } = workspaceBeside({ '01-sigmoid.ts': 'export const sigmoid = 1;\n' });
    const controller = new AbortController();
    const pending = transpileTask(dir, '01-sigmoid.ts', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('a check of a file that imports from outside', () => {
  it('is a compile error, and the next correct file passes', async () => {
    const dir = makeWorkspace(solvedFiles());
    for (const specifier of [installedSolution, path.relative(dir, installedSolution)]) {
      writeFileSync(path.join(dir, sigmoid.file), `export { sigmoid } from '${specifier}';\n`);
      const refused = await runTask(sigmoid, { workspaceDir: dir });
      expect(refused.status).toBe('compile-error');
      expect(refused.error).toMatch(/task files may only import files of the workspace/);
      expect(refused.checks.every((check) => !check.passed)).toBe(true);
    }
    writeFileSync(path.join(dir, sigmoid.file), sigmoid.solution);
    expect((await runTask(sigmoid, { workspaceDir: dir })).status).toBe('pass');
  });

  it('a 48 MB helper ends as a compile error within the run, and the next file passes', async () => {
    const dir = makeWorkspace(solvedFiles());
    writeFileSync(path.join(dir, 'generated.ts'), '');
    truncateSync(path.join(dir, 'generated.ts'), 48 * 1024 * 1024);
    writeFileSync(path.join(dir, sigmoid.file), "export { sigmoid } from './generated';\n");
    const refused = await runTask(sigmoid, { workspaceDir: dir });
    expect(refused.status).toBe('compile-error');
    expect(refused.error).toMatch(/too large/);
    writeFileSync(path.join(dir, sigmoid.file), sigmoid.solution);
    expect((await runTask(sigmoid, { workspaceDir: dir })).status).toBe('pass');
  });

  it('a run whose bundling runs out of time is a timeout', async () => {
    const dir = makeWorkspace(solvedFiles());
    const result = await runTask(sigmoid, { workspaceDir: dir, limits: { timeoutMs: 0 } });
    expect(result.status).toBe('timeout');
    expect(result.error).toMatch(/^Bundling `01-sigmoid\.ts`/);
  });
});
