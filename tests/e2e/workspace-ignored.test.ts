// The project's own checks (lint, type-check, tests) never look at a student's workspace: after
// `npm start` creates ./logreg-lab in the repository, the student's half-done code is not the
// project's to fail on, wherever the folder is.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';

const repo = path.resolve(import.meta.dirname, '../..');
const bin = (name: string) => path.join(repo, 'node_modules', '.bin', name);

// An unused parameter (the linter's noUnusedFunctionParameters), a type error, a failing test.
const studentFile = `export function hvp(X: number[][], y: number[], w: number[], v: number[]): number[] {
  const total: number = 'not yet';
  return [total];
}
`;
const studentTest = `import { it } from 'vitest';
it('fails', () => { throw new Error('the student\\'s test'); });
`;

/** The project's configuration with one clean source file, and `extra` files beside it. */
function projectCopy(extra: Record<string, string>): string {
  const dir = tempDir('logreg-own-checks-');
  for (const file of ['biome.json', 'tsconfig.json', 'vitest.config.ts', 'package.json'])
    cpSync(path.join(repo, file), path.join(dir, file));
  symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'));
  const files: Record<string, string> = {
    'src/ok.ts': 'export const ok = 1;\n',
    'tests/ok.test.ts':
      "import { expect, it } from 'vitest';\n\nit('passes', () => expect(1).toBe(1));\n",
    ...extra,
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

function run(dir: string, command: string, ...args: string[]) {
  const result = spawnSync(bin(command), args, { cwd: dir, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("the project's own checks", () => {
  it('ignore a logreg-lab folder at the top or deeper down', () => {
    const dir = projectCopy({
      'logreg-lab/05-hvp.ts': studentFile,
      'tests/logreg-lab/05-hvp.ts': studentFile,
      'tests/logreg-lab/mine.test.ts': studentTest,
    });
    expect(run(dir, 'biome', 'check', '.').status).toBe(0);
    expect(run(dir, 'tsc', '--noEmit', '-p', '.').status).toBe(0);
    const listed = run(dir, 'vitest', 'list', '--filesOnly');
    expect(listed.status).toBe(0);
    expect(listed.output).toContain('ok.test.ts');
    expect(listed.output).not.toContain('mine.test.ts');
  }, 60_000);

  it('still fail on the same code anywhere else', () => {
    const dir = projectCopy({ 'src/05-hvp.ts': studentFile, 'tests/mine.test.ts': studentTest });
    const lint = run(dir, 'biome', 'check', '.');
    expect(lint.status).not.toBe(0);
    expect(lint.output).toContain('noUnusedFunctionParameters');
    expect(run(dir, 'tsc', '--noEmit', '-p', '.').status).not.toBe(0);
    expect(run(dir, 'vitest', 'list', '--filesOnly').output).toContain('mine.test.ts');
  }, 60_000);
});
