// The checks' code loads when a check first runs, not with the lessons; a lesson.json that names
// its checks otherwise than checks.ts is a tutor error at that run, never a student's verdict.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { checksByLesson } from '../../../lessons/checks.js';
import type { CheckContext, CheckSpec } from '../../../src/engine/check-kit.js';
import { runTask } from '../../../src/engine/run-task.js';
import { lazyChecks } from '../../../src/lessons/lazy-checks.js';
import { defaultLessonsDir, loadCourse } from '../../../src/lessons/load.js';
import { makeWorkspace, solvedFiles, tempDir } from '../../helpers/workspace.js';

const repo = path.resolve(import.meta.dirname, '../../..');
// The runs below fail before any check touches its context.
const unusedContext = {} as CheckContext;

describe('lazyChecks', () => {
  it('runs the check at the same place in the loaded table', async () => {
    const ran: string[] = [];
    const spec = (name: string): CheckSpec => ({
      name,
      run: async () => {
        ran.push(name);
      },
    });
    let loads = 0;
    const checks = lazyChecks('01-x', ['a', 'b'], async () => {
      loads++;
      return { '01-x': [spec('a'), spec('b')] };
    });
    expect(checks.map((check) => check.name)).toEqual(['a', 'b']);
    expect(loads).toBe(0);
    await checks[1]?.run(unusedContext);
    await checks[0]?.run(unusedContext);
    expect(ran).toEqual(['b', 'a']);
  });

  it('throws, naming file and field, when the loaded checks are named otherwise', async () => {
    const table = { '01-x': [{ name: 'a', run: async () => {} }] };
    const renamed = lazyChecks('01-x', ['z'], async () => table);
    await expect(renamed[0]?.run(unusedContext)).rejects.toThrow(
      /^`01-x\/lesson\.json`: field `checks\.0` is `z`, but `01-x\/checks\.ts` names it `a`\./,
    );
    const longer = lazyChecks('01-x', ['a', 'b'], async () => table);
    await expect(longer[0]?.run(unusedContext)).rejects.toThrow(
      /field `checks\.1` is `b`, but `01-x\/checks\.ts` has only 1 checks/,
    );
    const missing = lazyChecks('02-y', ['a'], async () => table);
    await expect(missing[0]?.run(unusedContext)).rejects.toThrow(
      /lessons\/checks\.ts registers no checks for it \(`02-y\/lesson\.json` lists 1 in field `checks`\)/,
    );
  });
});

describe('the checks loadCourse gives by default', () => {
  it('are named as checks.ts names them, but are not its code until they run', () => {
    for (const task of loadCourse().tasks) {
      const implemented = checksByLesson[task.dir] ?? [];
      expect(task.checks.map((check) => check.name)).toEqual(
        implemented.map((check) => check.name),
      );
      for (const [index, check] of task.checks.entries())
        expect(check).not.toBe(implemented[index]);
    }
  });

  it('pass the reference solution and fail the starter', async () => {
    const sigmoid = loadCourse().tasks.find((task) => task.id === 'sigmoid');
    if (!sigmoid) throw new Error('no sigmoid task');
    const solved = await runTask(sigmoid, { workspaceDir: makeWorkspace(solvedFiles()) });
    expect(solved.checks.filter((check) => !check.passed)).toEqual([]);
    expect(solved.status).toBe('pass');
    const starter = makeWorkspace({ [sigmoid.file]: sigmoid.starter });
    const unsolved = await runTask(sigmoid, { workspaceDir: starter });
    expect(unsolved.status).toBe('fail');
    expect(unsolved.notImplemented).toBe(true);
  });

  it('make a run reject, with no verdict, when lesson.json names a check otherwise', async () => {
    const lessons = path.join(tempDir(), 'lessons');
    cpSync(defaultLessonsDir(), lessons, { recursive: true });
    const file = path.join(lessons, '01-sigmoid/lesson.json');
    const lesson = JSON.parse(readFileSync(file, 'utf8')) as { checks: string[] };
    lesson.checks[2] = 'σ(z) right';
    writeFileSync(file, JSON.stringify(lesson));
    const sigmoid = loadCourse(lessons).tasks.find((task) => task.id === 'sigmoid');
    if (!sigmoid) throw new Error('no sigmoid task');
    await expect(runTask(sigmoid, { workspaceDir: makeWorkspace(solvedFiles()) })).rejects.toThrow(
      /^`01-sigmoid\/lesson\.json`: field `checks\.2` is `σ\(z\) right`, but `01-sigmoid\/checks\.ts` names it `σ\(z\) correct for −30 ≤ z ≤ 30`\./,
    );
  });
});

/** Every input of the outputs `entry` imports statically, directly or through other chunks. */
function staticInputs(metafile: Metafile, entry: string): string[] {
  const outputs = metafile.outputs;
  const start = Object.keys(outputs).find((output) => outputs[output]?.entryPoint === entry);
  if (start === undefined) throw new Error(`no output for ${entry}`);
  const reached = new Set([start]);
  for (const output of reached)
    for (const imported of outputs[output]?.imports ?? [])
      if (imported.kind === 'import-statement' && imported.path in outputs)
        reached.add(imported.path);
  return [...reached].flatMap((output) => Object.keys(outputs[output]?.inputs ?? {}));
}

describe("load.ts's own imports", () => {
  it('do not reach the checks, the check kit or fast-check, which load on first run', async () => {
    const { metafile } = await build({
      absWorkingDir: repo,
      entryPoints: ['src/lessons/load.ts'],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      outdir: tempDir('logreg-load-graph-'),
      write: false,
      metafile: true,
      logLevel: 'error',
    });
    const everything = Object.keys(metafile.inputs);
    // They are in the build, behind the import that loads them on first run.
    expect(everything).toContain('lessons/checks.ts');
    expect(everything).toContain('src/engine/check-kit.ts');
    expect(everything.some((input) => input.startsWith('node_modules/fast-check/'))).toBe(true);

    const reached = staticInputs(metafile, 'src/lessons/load.ts');
    expect(reached).toContain('src/lessons/lazy-checks.ts');
    const checkCode = reached.filter(
      (input) =>
        input.startsWith('node_modules/fast-check/') ||
        input === 'src/engine/check-kit.ts' ||
        /^lessons\/(.+\/)?checks\.ts$/.test(input),
    );
    expect(checkCode).toEqual([]);
  });
});
