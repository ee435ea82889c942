// The content contract, over every task at once: starters compile and fail every check as
// "not implemented", reference solutions pass, the workspace type-checks with its own
// tsconfig, and every mistake a check can name has words in its lesson.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { checksByLesson } from '../../lessons/checks.js';
import { runTask } from '../../src/engine/run-task.js';
import { SandboxPool } from '../../src/engine/sandbox.js';
import { defaultLessonsDir, validateLessons } from '../../src/lessons/load.js';
import { loadBundle } from '../helpers/bundle.js';
import { course, makeWorkspace, solvedFiles } from '../helpers/workspace.js';

const lab = course();
const starters = Object.fromEntries(lab.tasks.map((task) => [task.file, task.starter]));

/** Type errors of every .ts file in `dir` under the workspace's own tsconfig.json. */
function typeErrors(dir: string): string[] {
  const configPath = path.join(dir, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dir);
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${path.basename(diagnostic.file.fileName)}: ` : '';
    return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  });
}

describe('the lab as a whole', () => {
  it('every untouched starter fails every check as "not implemented yet"', async () => {
    const dir = makeWorkspace(starters, lab);
    const pool = new SandboxPool();
    for (const task of lab.tasks) {
      const result = await runTask(task, { workspaceDir: dir, pool });
      expect.soft(result.status, task.id).toBe('fail');
      expect.soft(result.notImplemented, `${task.id}: ${JSON.stringify(result.checks)}`).toBe(true);
      for (const check of result.checks)
        expect.soft(check.passed, `${task.id} / ${check.name}`).toBe(false);
    }
    await pool.close();
  });

  it('every reference solution passes every check', async () => {
    const dir = makeWorkspace(solvedFiles(lab), lab);
    const pool = new SandboxPool();
    for (const task of lab.tasks) {
      const result = await runTask(task, { workspaceDir: dir, pool });
      const failing = result.checks.filter((check) => !check.passed);
      expect.soft(failing, task.id).toEqual([]);
      expect.soft(result.status, task.id).toBe('pass');
    }
    await pool.close();
  });

  it('a solution passes on top of starters too, where it does not import earlier tasks', async () => {
    const pool = new SandboxPool();
    for (const task of lab.tasks.filter(
      (candidate) => !/from '\.\/0\d-/.test(candidate.solution),
    )) {
      const dir = makeWorkspace({ ...starters, [task.file]: task.solution }, lab);
      const result = await runTask(task, { workspaceDir: dir, pool });
      expect.soft(result.status, task.id).toBe('pass');
    }
    await pool.close();
  });

  it('starters and solutions type-check under the workspace tsconfig', () => {
    expect(typeErrors(makeWorkspace(starters, lab))).toEqual([]);
    expect(typeErrors(makeWorkspace(solvedFiles(lab), lab))).toEqual([]);
  });

  it('starters export exactly the contract and hold the TODO', () => {
    for (const task of lab.tasks) {
      expect.soft(task.starter, task.id).toContain(`export function ${task.exportName}(`);
      expect.soft(task.starter, task.id).toMatch(/throw new Error\(['`"]TODO/);
      expect.soft(task.solution, task.id).toContain(`export function ${task.exportName}(`);
    }
  });

  it('every lesson.json lists the checks its checks.ts implements, by name and in order', () => {
    expect(Object.keys(checksByLesson)).toEqual(lab.tasks.map((task) => task.dir));
    for (const task of lab.tasks) {
      const implemented = checksByLesson[task.dir]?.map((check) => check.name);
      expect
        .soft(
          task.checks.map((check) => check.name),
          task.dir,
        )
        .toEqual(implemented);
    }
    // What the build runs: it fails on any difference, so no build ships one.
    expect(() => validateLessons(defaultLessonsDir(), checksByLesson)).not.toThrow();
  });

  it('no mistake text or check hint claims what the student’s own earlier function does', () => {
    // Nothing relocks a task whose file breaks again later: "your hvp, which divides by n" can be
    // false by the time it is read. Texts say what the function does once it passes.
    const claim =
      /your (\w+ )?(hvp|sigmoid|lossAndGrad|bceLoss)([^.]|\.\d)*(which|whose|already|\(it )|your (stable|clipped)/;
    for (const task of lab.tasks) {
      const texts = [
        ...Object.values(task.mistakes).flatMap((mistake) => [mistake.explanation, mistake.hint]),
        ...Object.values(task.checkHints ?? {}),
      ];
      const sentences = texts.flatMap((text) => (text ?? '').split(/(?<=\.) /));
      for (const sentence of sentences)
        if (!sentence.includes('once it passes')) expect.soft(sentence, task.id).not.toMatch(claim);
    }
  });

  it('every mistake a check names is explained in its lesson, and every one is used', () => {
    const common = JSON.parse(
      readFileSync(path.join(defaultLessonsDir(), 'common-mistakes.json'), 'utf8'),
    );
    for (const task of lab.tasks) {
      const source = readFileSync(path.join(defaultLessonsDir(), task.dir, 'checks.ts'), 'utf8');
      const named = [...source.matchAll(/mistake: '([a-z0-9-]+)'/g)].map((match) => match[1] ?? '');
      for (const id of named)
        expect.soft(task.mistakes[id], `${task.dir}: mistake \`${id}\``).toBeDefined();
      // A lesson's own mistake that no check can name is words no student will ever see.
      const own = Object.keys(task.mistakes).filter((id) => !(id in common));
      for (const id of own)
        expect.soft(source, `${task.dir}: mistake \`${id}\` is never named`).toContain(`'${id}'`);
    }
  });

  it('the workspace helpers in lab.ts compute what numpy would', async () => {
    const dir = makeWorkspace({}, lab);
    const { transpileTask } = await import('../../src/engine/transpile.js');
    const bundled = await transpileTask(dir, 'lab.ts');
    if (!bundled.ok) throw new Error('lab.ts does not compile');
    const { dot, matVec, matTVec } = loadBundle(bundled.bundle);
    const X = [
      [1, 2],
      [3, 4],
      [5, 6],
    ];
    expect(dot([1, 2, 3], [4, 5, 6])).toBe(32);
    expect(matVec(X, [1, -1])).toEqual([-1, -1, -1]);
    expect(matTVec(X, [1, 0, -1])).toEqual([-4, -4]);
  });
});
