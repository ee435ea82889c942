// `logreg-tutor run TASK`: the notebook's cell on the student's code, through the built CLI.
// Each of the notebook's checks is failed by a wrong file that fails it alone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliSession } from '../helpers/cli.js';
import { course, makeWorkspace, solvedFiles } from '../helpers/workspace.js';

const { run } = cliSession();

/** The document of `run --json`: its fixed shape. */
interface RunJson {
  task: string;
  status: string;
  error?: string;
  lines: { label: string; value: string; reference: string; matches: boolean }[];
  checks: { name: string; ok: boolean }[];
}

/** Every `OK:` / `Failed:` line of the output, in order. */
function verdicts(stdout: string): string[] {
  return stdout.split('\n').filter((line) => /^(OK|Failed): /.test(line));
}

/** Runs `run TASK` in a solved workspace where `file` holds `source` instead. */
async function runWith(taskId: string, file: string, source: string, ...args: string[]) {
  const dir = makeWorkspace({ ...solvedFiles(), [file]: source });
  return run(['run', taskId, '--workspace', dir, ...args]);
}

/** The seed's check names, per lesson, in the notebook's order. */
const seedChecks: Record<string, string[]> = {
  dataset: ['shapes'],
  sigmoid: ['in_0_1', 'monotonic'],
  'bce-loss': ['finite_loss'],
  'loss-and-grad': ['grad_shape', 'finite'],
  'numerical-grad': ['grad_check'],
  hvp: ['hvp_shape', 'hvp_finite'],
  psd: ['psd'],
  'gd-step': ['decreased'],
  'newton-step': ['newton_decreased'],
};

describe('run on a solved workspace', () => {
  it('prints OK for every check of every lesson, section 0 included, and exits 0', async () => {
    const dir = makeWorkspace(solvedFiles());
    expect(course().lessons.map((lesson) => lesson.id)).toEqual(Object.keys(seedChecks));
    for (const [id, names] of Object.entries(seedChecks)) {
      const { code, stdout, stderr } = await run(['run', id, '-w', dir]);
      expect(code, stderr).toBe(0);
      expect(verdicts(stdout)).toEqual(names.map((name) => `OK: ${name}`));
      expect(stdout).not.toContain('(tutor:');
    }
  });

  it("prints the notebook's lines and says the hidden checks go further", async () => {
    const dir = makeWorkspace(solvedFiles());
    const printed = async (id: string) => (await run(['run', id, '-w', dir])).stdout;
    expect(await printed('1')).toMatch(
      /^sigmoid\(\[-1000, -10, 0, 10, 1000\]\) \[0, .*, 0\.5, .*, 1\]$/m,
    );
    expect(await printed('bce-loss')).toMatch(/^loss 0\.69314718055994\d*$/m);
    expect(await printed('loss-and-grad')).toMatch(/^loss \d\.\d+\ngrad_norm \d\.\d+$/m);
    expect(await printed('04-numerical-grad.ts')).toMatch(/^max_abs_diff \d\.\d+e-1\d$/m);
    expect(await printed('psd')).toMatch(/^min vHv 0\.\d+$/m);
    const gd = await printed('gd-step');
    expect(gd).toMatch(/^loss0 \d\.\d+\nloss1 \d\.\d+$/m);
    expect(gd).toContain(
      "These are the notebook's own checks; the hidden checks go further: `logreg-tutor check gd-step`.",
    );
    expect(await printed('dataset')).toMatch(/^X\.shape \(400, 5\)\ny\.mean\(\) 0\.\d+$/m);
  });
});

/** A loss-and-gradient file, right up to what it returns. */
function lossAndGradReturning(returned: string): string {
  return `import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const p = sigmoid(matVec(X, w));
  const grad = matTVec(X, p.map((pi, i) => pi - y[i])).map((g) => g / X.length);
  return ${returned};
}
`;
}

/** A wrong file for each of the notebook's checks, failing it and no other. */
const wrongFiles: { check: string; task: string; file: string; source: string }[] = [
  {
    check: 'in_0_1',
    task: 'sigmoid',
    file: '01-sigmoid.ts',
    // Twice σ: increasing, but up to 2.
    source:
      'export function sigmoid(z: number[]): number[] {\n  return z.map((x) => 2 / (1 + Math.exp(-x)));\n}\n',
  },
  {
    check: 'monotonic',
    task: 'sigmoid',
    file: '01-sigmoid.ts',
    // exp(z) for exp(−z): in [0, 1], but falling.
    source:
      'export function sigmoid(z: number[]): number[] {\n  return z.map((x) => 1 / (1 + Math.exp(x)));\n}\n',
  },
  {
    check: 'finite_loss',
    task: 'bce-loss',
    file: '02-bce-loss.ts',
    // log(1 − 2p) at p = 0.5 is −Infinity, and 0·(−Infinity) is NaN.
    source:
      'export function bceLoss(y: number[], p: number[]): number {\n  return y.reduce((t, yi, i) => t - (yi * Math.log(p[i]) + (1 - yi) * Math.log(1 - 2 * p[i])), 0) / y.length;\n}\n',
  },
  {
    check: 'grad_shape',
    task: 'loss-and-grad',
    file: '03-loss-and-grad.ts',
    // A bias entry appended to the gradient of a model without one.
    source: lossAndGradReturning('{ loss: bceLoss(y, p), grad: [...grad, 0] }'),
  },
  {
    check: 'finite',
    task: 'loss-and-grad',
    file: '03-loss-and-grad.ts',
    // The square root of a negative number.
    source: lossAndGradReturning('{ loss: Math.sqrt(bceLoss(y, p) - 10), grad }'),
  },
  {
    check: 'grad_check',
    task: 'numerical-grad',
    file: '04-numerical-grad.ts',
    // Divided by eps instead of 2·eps: twice the gradient.
    source: readFileSync('tests/content/corpus/files/04-numerical-grad/divides-by-eps.ts', 'utf8'),
  },
  {
    check: 'hvp_shape',
    task: 'hvp',
    file: '05-hvp.ts',
    // Stops at s ⊙ Xv: one entry per example, not per feature.
    source: `import { sigmoid } from './01-sigmoid';
import { type Matrix, matVec, type Vector } from './lab';

export function hvp(X: Matrix, _y: Vector, w: Vector, v: Vector): Vector {
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  return p.map((pi, i) => pi * (1 - pi) * Xv[i]);
}
`,
  },
  {
    check: 'hvp_finite',
    task: 'hvp',
    file: '05-hvp.ts',
    // Divided by a count that is 0.
    source: `import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  const r = p.map((pi, i) => pi * (1 - pi) * Xv[i]);
  return matTVec(X, r).map((x) => x / (X.length - y.length));
}
`,
  },
  {
    check: 'psd',
    task: 'psd',
    file: '06-psd.ts',
    // A minus sign slipped in.
    source: `import { hvp } from './05-hvp';
import { dot, type Matrix, type Vector } from './lab';

export function vHv(X: Matrix, y: Vector, w: Vector, v: Vector): number {
  return -dot(v, hvp(X, y, w, v));
}
`,
  },
  {
    check: 'decreased',
    task: 'gd-step',
    file: '07-gd-step.ts',
    // Gradient ascent: the step goes uphill.
    source: `import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const { grad } = lossAndGrad(X, y, w);
  return w.map((wj, j) => wj + lr * grad[j]);
}
`,
  },
];

describe('run on a wrong file', () => {
  it.each(wrongFiles)('fails exactly $check ($task)', async ({ check, task, file, source }) => {
    const { code, stdout, stderr } = await runWith(task, file, source);
    expect(code, stderr).toBe(1);
    const names = seedChecks[task] ?? [];
    expect(verdicts(stdout)).toEqual(
      names.map((name) => `${name === check ? 'Failed' : 'OK'}: ${name}`),
    );
  });

  it('fails exactly newton_decreased for a Newton step taken the wrong way', async () => {
    const solution = course().tasks.find((lesson) => lesson.id === 'newton-step')?.solution ?? '';
    const uphill = solution.replace(
      'return w.map((wj, j) => wj - s[j]);',
      'return w.map((wj, j) => wj + s[j]);',
    );
    expect(uphill).not.toBe(solution);
    const { code, stdout } = await runWith('newton-step', '08-newton-step.ts', uphill);
    expect(code).toBe(1);
    expect(verdicts(stdout)).toEqual(['Failed: newton_decreased']);
  });

  it("fails in_0_1 for a sigmoid that returns NaN at 1000, with the tutor's value beside", async () => {
    const naive =
      'export function sigmoid(z: number[]): number[] {\n  return z.map((x) => Math.exp(x) / (1 + Math.exp(x)));\n}\n';
    const { code, stdout } = await runWith('sigmoid', '01-sigmoid.ts', naive);
    expect(code).toBe(1);
    expect(verdicts(stdout)).toContain('Failed: in_0_1');
    expect(stdout).toMatch(/^sigmoid\(.*\) \[0, .*, NaN\] {2}\(tutor: \[0, .*, 1\]\)$/m);
  });

  it("shows the uphill step's loss1 beside the tutor's", async () => {
    const { stdout } = await runWith('gd-step', '07-gd-step.ts', wrongFiles.at(-1)?.source ?? '');
    const loss = (label: string) => Number(new RegExp(`^${label} (\\S+)`, 'm').exec(stdout)?.[1]);
    expect(loss('loss1')).toBeGreaterThan(loss('loss0'));
    expect(stdout).toMatch(/^loss1 \S+ {2}\(tutor: \S+\)$/m);
  });
});

describe('run when the code cannot run', () => {
  it("says the starter's TODO in one line, every check Failed, exit 1", async () => {
    const starter = course().tasks.find((lesson) => lesson.id === 'psd')?.starter ?? '';
    const { code, stdout } = await runWith('psd', '06-psd.ts', starter);
    expect(code).toBe(1);
    expect(stdout.split('\n')[1]).toBe(
      "06-psd.ts still throws the starter's TODO error. Replace that line with your code.",
    );
    expect(verdicts(stdout)).toEqual(['Failed: psd']);
  });

  it('says a compile error in one line, with file:line:col', async () => {
    const { code, stdout } = await runWith(
      'sigmoid',
      '01-sigmoid.ts',
      'export function sigmoid(z: number[]): number[] {\n  return z.map((x) => 1 / (1 + Math.exp(-x));\n}\n',
    );
    expect(code).toBe(1);
    expect(stdout.split('\n')[1]).toMatch(/^01-sigmoid\.ts:2:\d+: /);
    expect(verdicts(stdout)).toEqual(['Failed: in_0_1', 'Failed: monotonic']);
  });

  it('says a timeout in one line; --json has status timeout', async () => {
    const endless = 'export function sigmoid(z: number[]): number[] {\n  for (;;) {}\n}\n';
    const { code, stdout } = await runWith(
      'sigmoid',
      '01-sigmoid.ts',
      endless,
      '--json',
      '--timeout',
      '1',
    );
    expect(code).toBe(1);
    const parsed = JSON.parse(stdout) as RunJson;
    expect(parsed.status).toBe('timeout');
    expect(parsed.error).toMatch(/^\S.*[^\n]$/);
    expect(parsed.checks).toEqual([
      { name: 'in_0_1', ok: false },
      { name: 'monotonic', ok: false },
    ]);
  });

  it('says a deleted task file in one line, with the way back, as check does', async () => {
    const dir = makeWorkspace({});
    const { code, stdout } = await run(['run', 'sigmoid', '-w', dir]);
    expect(code).toBe(1);
    expect(stdout.split('\n')[1]).toBe(
      '01-sigmoid.ts is not in the workspace (deleted or renamed?). Restore the starter with `logreg-tutor reset sigmoid`.',
    );
  });

  it("a throw in the student's code fails the cell and says what was thrown", async () => {
    const throwing =
      "export function sigmoid(z: number[]): number[] {\n  throw new RangeError('no');\n}\n";
    const { code, stdout } = await runWith('sigmoid', '01-sigmoid.ts', throwing);
    expect(code).toBe(1);
    expect(stdout).toContain('it threw RangeError: no');
  });
});

describe('run --json', () => {
  it('prints one document of the fixed shape', async () => {
    const { code, stdout } = await runWith(
      'gd-step',
      '07-gd-step.ts',
      wrongFiles.at(-1)?.source ?? '',
      '--json',
    );
    expect(code).toBe(1);
    const parsed = JSON.parse(stdout) as RunJson;
    expect(Object.keys(parsed)).toEqual(['task', 'status', 'lines', 'checks']);
    expect(parsed).toMatchObject({ task: 'gd-step', status: 'fail' });
    expect(parsed.lines.map((line) => [line.label, line.matches])).toEqual([
      ['loss0', true],
      ['loss1', false],
    ]);
    for (const line of parsed.lines) {
      expect(Object.keys(line)).toEqual(['label', 'value', 'reference', 'matches']);
      expect(Number(line.value)).not.toBeNaN();
      expect(Number(line.reference)).not.toBeNaN();
    }
    expect(parsed.checks).toEqual([{ name: 'decreased', ok: false }]);
  });

  it('a passing run has status pass and no error', async () => {
    const dir = makeWorkspace(solvedFiles());
    const { code, stdout } = await run(['run', 'hvp', '--json', '-w', dir]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      task: 'hvp',
      status: 'pass',
      lines: [],
      checks: [
        { name: 'hvp_shape', ok: true },
        { name: 'hvp_finite', ok: true },
      ],
    });
  });
});

describe('run: usage errors', () => {
  it('a mistyped task gets the did-you-mean line, exit 2', async () => {
    const dir = makeWorkspace(solvedFiles());
    const { code, stdout, stderr } = await run(['run', 'sigmod', '-w', dir]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('logreg-tutor: Unknown task `sigmod`. Did you mean `sigmoid`?\n');
  });

  it('no task is a usage error', async () => {
    const { code } = await run(['run']);
    expect(code).toBe(2);
  });
});
