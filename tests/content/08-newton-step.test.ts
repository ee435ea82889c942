// Task 4.1, bonus (newtonStep) as students will meet it: the starter is "not implemented", the
// reference passes, every named mistake is caught and named, and correct files written with
// other solvers (no pivoting, Cholesky, conjugate gradients with hvp) pass.
import { describe, expect, it } from 'vitest';
import {
  each,
  type Failure,
  fn,
  itCatches,
  itPasses,
  itStarterAndSolution,
  type Right,
  studentFile,
  type Wrong,
} from '../helpers/content.js';
import { checkSource } from '../helpers/workspace.js';

const id = 'newton-step';
const names = {
  matches: 'matches w − H⁻¹∇L',
  steps: 'minimum in 6 steps',
  iterations: 'Newton iterations on one dataset',
  fullStep: 'the full step, even where it raises the loss',
  nearSingular: 'near-singular H: the step still solves H·s = ∇L',
  separable: 'separable data: finite step',
  args: 'leaves its arguments as they were',
};
const everyCheck = Object.values(names);
/** Every check but the one of arguments changed in place, which only that mistake fails. */
const all = everyCheck.filter((name) => name !== names.args);

/** Imports, a Gaussian elimination `solve` and `hessian` (columns H·eⱼ), as a student has them. */
const preamble = `import { lossAndGrad } from './03-loss-and-grad';
import { hvp } from './05-hvp';
import { dot, type Matrix, type Vector } from './lab';

function solve(A: Matrix, b: Vector): Vector {
  const d = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < d; col++) {
    let pivot = col;
    for (let r = col + 1; r < d; r++) if (Math.abs(M[r][col]) > Math.abs(M[pivot][col])) pivot = r;
    [M[col], M[pivot]] = [M[pivot], M[col]];
    for (let r = col + 1; r < d; r++) {
      const f = M[r][col] / M[col][col];
      for (let c = col; c <= d; c++) M[r][c] -= f * M[col][c];
    }
  }
  const x: Vector = new Array(d).fill(0);
  for (let r = d - 1; r >= 0; r--) {
    let sum = M[r][d];
    for (let c = r + 1; c < d; c++) sum -= M[r][c] * x[c];
    x[r] = sum / M[r][r];
  }
  return x;
}

function hessian(X: Matrix, y: Vector, w: Vector): Matrix {
  return w.map((_, j) => hvp(X, y, w, w.map((_, k) => (k === j ? 1 : 0))));
}
`;

/** A student file with grad = ∇L at hand, then the lines given. */
const file = (lines: string) =>
  studentFile(
    preamble,
    fn(
      'export function newtonStep(X: Matrix, y: Vector, w: Vector): Vector',
      '  const n = X.length;',
      '  const { grad } = lossAndGrad(X, y, w);',
      lines,
    ),
  );

/** Conjugate gradients for H·s = ∇L with `iterations` steps at most, using only hvp. */
const cg = (iterations: string) =>
  file(`  let s = w.map(() => 0);
  let r = [...grad];
  let p = [...r];
  const tolerance = 1e-14 * Math.sqrt(dot(grad, grad));
  for (let it = 0; it < ${iterations} && Math.sqrt(dot(r, r)) > tolerance; it++) {
    const Hp = hvp(X, y, w, p);
    const alpha = dot(r, r) / dot(p, Hp);
    s = s.map((x, j) => x + alpha * p[j]);
    const next = r.map((x, j) => x - alpha * Hp[j]);
    const beta = dot(next, next) / dot(r, r);
    p = next.map((x, j) => x + beta * p[j]);
    r = next;
  }
  return w.map((wj, j) => wj - s[j]);`);

/**
 * The failures of a step that is wrong by a rule: named where the step is compared with
 * w − H⁻¹∇L, unnamed on the checks that see only where the steps lead.
 */
const wrongStep = (mistake: string): Failure[] => [
  { name: names.matches, mistake },
  { name: names.steps, mistake: undefined },
  { name: names.iterations, mistake },
  { name: names.fullStep, mistake: undefined },
  { name: names.nearSingular, mistake: undefined },
  { name: names.separable, mistake },
];

describe('08-newton-step', () => {
  itStarterAndSolution(id, '08-newton-step', names);

  const wrong: Wrong[] = [
    {
      name: 'the step H⁻¹∇L returned',
      source: file('  return solve(hessian(X, y, w), grad);'),
      fails: [
        { name: names.matches, mistake: 'returns-step' },
        { name: names.steps, mistake: undefined },
        { name: names.iterations, mistake: undefined },
        { name: names.fullStep, mistake: undefined },
        { name: names.nearSingular, mistake: undefined },
        { name: names.separable, mistake: 'returns-step' },
      ],
    },
    {
      name: 'w + H⁻¹∇L',
      source: file(
        '  const s = solve(hessian(X, y, w), grad);\n  return w.map((wj, j) => wj + s[j]);',
      ),
      fails: [
        { name: names.matches, mistake: 'plus-instead-of-minus' },
        { name: names.steps, mistake: undefined },
        { name: names.iterations, mistake: undefined },
        { name: names.fullStep, mistake: undefined },
        { name: names.nearSingular, mistake: undefined },
        { name: names.separable, mistake: 'plus-instead-of-minus' },
      ],
    },
    {
      name: 'w − ∇L, a gradient step',
      source: file('  return w.map((wj, j) => wj - grad[j]);'),
      fails: wrongStep('no-hessian'),
    },
    {
      name: 'H = XᵀSX without the 1/n',
      source: file(`  const H = hessian(X, y, w).map((row) => row.map((x) => x * n));
  const s = solve(H, grad);
  return w.map((wj, j) => wj - s[j]);`),
      fails: wrongStep('step-n-times-short'),
    },
    {
      name: '∇L = Xᵀ(p − y) without the 1/n',
      source: file(`  const s = solve(hessian(X, y, w), grad.map((g) => g * n));
  return w.map((wj, j) => wj - s[j]);`),
      fails: wrongStep('step-n-times-long'),
    },
    {
      name: 'H from hvp divided by n once more',
      source: file(`  const H = hessian(X, y, w).map((row) => row.map((x) => x / n));
  const s = solve(H, grad);
  return w.map((wj, j) => wj - s[j]);`),
      fails: wrongStep('step-n-times-long'),
    },
    {
      name: '∇L from lossAndGrad divided by n once more',
      source: file(`  const s = solve(hessian(X, y, w), grad.map((g) => g / n));
  return w.map((wj, j) => wj - s[j]);`),
      fails: wrongStep('step-n-times-short'),
    },
    {
      name: 'only the diagonal of H',
      source: file(
        '  const H = hessian(X, y, w);\n  return w.map((wj, j) => wj - grad[j] / H[j][j]);',
      ),
      fails: wrongStep('diagonal-hessian'),
    },
    {
      name: 'conjugate gradients stopped after one iteration',
      source: cg('1'),
      fails: each(undefined, ...all),
    },
    {
      name: 'w updated in place',
      source: file(`  const s = solve(hessian(X, y, w), grad);
  for (let j = 0; j < w.length; j++) w[j] -= s[j];
  return w;`),
      fails: each('mutates-argument', ...everyCheck),
    },
  ];

  itCatches(id, wrong);

  it('names both causes of a step n times off, and blames neither', async () => {
    const twice = file(`  const H = hessian(X, y, w).map((row) => row.map((x) => x / n));
  const s = solve(H, grad);
  return w.map((wj, j) => wj - s[j]);`);
    const result = await checkSource(id, twice);
    const message = result.checks.find((check) => check.name === names.matches)?.message ?? '';
    expect(message).toMatch(/Step n times too long/);
    expect(message).toMatch(/∇L without its 1\/n/);
    expect(message).toMatch(/H divided by n once more/);
    expect(message).not.toMatch(/it used/);
  });

  it('shows how slowly ‖∇L‖ falls when the step is not Newton', async () => {
    const result = await checkSource(id, file('  return w.map((wj, j) => wj - grad[j]);'));
    const steps = result.checks.find((check) => check.name === names.steps);
    expect(steps?.message).toMatch(/got: {6}‖∇L‖ after each step: [\d.e-]+(, [\d.e-]+){5}/);
  });

  it('does not say which of several slow steps it was', async () => {
    // ∇L divided by n twice: a Newton direction, n times too short, neither a gradient step
    // nor a solve stopped early.
    const short = file(`  const s = solve(hessian(X, y, w), grad.map((g) => g / n));
  return w.map((wj, j) => wj - s[j]);`);
    const result = await checkSource(id, short);
    const steps = result.checks.find((check) => check.name === names.steps);
    expect(steps?.passed).toBe(false);
    expect(steps?.message).not.toMatch(/the step is a gradient step/);
  });

  const correct: Right[] = [
    {
      name: 'elimination without pivoting (H is positive definite)',
      source: file(`  const H = hessian(X, y, w);
  const d = w.length;
  const b = [...grad];
  for (let c = 0; c < d; c++) {
    for (let r = c + 1; r < d; r++) {
      const f = H[r][c] / H[c][c];
      for (let k = c; k < d; k++) H[r][k] -= f * H[c][k];
      b[r] -= f * b[c];
    }
  }
  const s: number[] = new Array(d).fill(0);
  for (let r = d - 1; r >= 0; r--) {
    let sum = b[r];
    for (let k = r + 1; k < d; k++) sum -= H[r][k] * s[k];
    s[r] = sum / H[r][r];
  }
  return w.map((wj, j) => wj - s[j]);`),
    },
    {
      name: 'Cholesky, returning a Float64Array',
      source: file(`  const H = hessian(X, y, w);
  const d = w.length;
  const L: number[][] = H.map(() => new Array(d).fill(0));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = H[i][j];
      for (let k = 0; k < j; k++) sum -= L[i][k] * L[j][k];
      L[i][j] = i === j ? Math.sqrt(sum) : sum / L[j][j];
    }
  }
  const u: number[] = new Array(d).fill(0);
  for (let i = 0; i < d; i++) {
    let sum = grad[i];
    for (let k = 0; k < i; k++) sum -= L[i][k] * u[k];
    u[i] = sum / L[i][i];
  }
  const s: number[] = new Array(d).fill(0);
  for (let i = d - 1; i >= 0; i--) {
    let sum = u[i];
    for (let k = i + 1; k < d; k++) sum -= L[k][i] * s[k];
    s[i] = sum / L[i][i];
  }
  return Float64Array.from(w, (wj, j) => wj - s[j]) as unknown as Vector;`),
    },
    {
      name: 'conjugate gradients with hvp, never building H',
      source: cg('4 * w.length'),
    },
    {
      name: 'H built directly as XᵀSX/n, then solved',
      source: `import { sigmoid } from './01-sigmoid';
import { lossAndGrad } from './03-loss-and-grad';
import { type Matrix, matVec, type Vector } from './lab';

export function newtonStep(X: Matrix, y: Vector, w: Vector): Vector {
  const n = X.length;
  const d = w.length;
  const p = sigmoid(matVec(X, w));
  const A: number[][] = Array.from({ length: d }, () => new Array(d + 1).fill(0));
  X.forEach((row, i) => {
    const s = (p[i] * (1 - p[i])) / n;
    for (let j = 0; j < d; j++) for (let k = 0; k < d; k++) A[j][k] += s * row[j] * row[k];
  });
  lossAndGrad(X, y, w).grad.forEach((g, j) => {
    A[j][d] = g;
  });
  // Gauss–Jordan on [H | ∇L].
  for (let c = 0; c < d; c++) {
    const pivot = A[c][c];
    for (let k = c; k <= d; k++) A[c][k] /= pivot;
    for (let r = 0; r < d; r++) {
      if (r === c) continue;
      const f = A[r][c];
      for (let k = c; k <= d; k++) A[r][k] -= f * A[c][k];
    }
  }
  return w.map((wj, j) => wj - A[j][d]);
}
`,
    },
  ];

  itPasses(id, correct);
});
