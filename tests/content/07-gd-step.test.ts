// Task 4.1 (gdStep) as students will meet it: the starter is "not implemented", the reference
// passes, every named mistake is caught and named, and differently written correct files pass.
// Earlier task files hold their reference solutions (so `./03-loss-and-grad` is correct).
import { describe, expect, it } from 'vitest';
import {
  each,
  fn,
  itCatches,
  itPasses,
  itStarterAndSolution,
  type Right,
  studentFile,
  type Wrong,
} from '../helpers/content.js';
import { checkSource } from '../helpers/workspace.js';

const id = 'gd-step';
const names = {
  equals: 'equals w − lr·∇L',
  repeat: 'several steps on one dataset',
  lr: 'honours lr',
  down: 'loss goes down (lr = 0.1)',
  large: 'finite for large weights',
  args: 'leaves its arguments as they were',
};
const everyCheck = Object.values(names);
/** Every check but the one of arguments changed in place, which only that mistake fails. */
const all = everyCheck.filter((name) => name !== names.args);

const imports = `import { sigmoid } from './01-sigmoid';
import { lossAndGrad } from './03-loss-and-grad';
import { type Matrix, matTVec, matVec, type Vector } from './lab';
`;

/** A student file that has grad = ∇L from task 2.2, then the lines given. */
const file = (lines: string) =>
  studentFile(
    imports,
    fn(
      'export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector',
      '  const n = X.length;',
      '  const { grad } = lossAndGrad(X, y, w);',
      lines,
    ),
  );

describe('07-gd-step', () => {
  itStarterAndSolution(id, '07-gd-step', names);

  const wrong: Wrong[] = [
    {
      name: 'gradient ascent, w + lr·∇L',
      source: file('  return w.map((wj, j) => wj + lr * grad[j]);'),
      fails: each('gradient-ascent', ...all),
    },
    {
      name: 'lr ignored, w − ∇L',
      source: file('  return w.map((wj, j) => wj - grad[j]);'),
      fails: [
        { name: names.equals, mistake: 'ignores-lr' },
        { name: names.repeat, mistake: 'ignores-lr' },
        { name: names.lr, mistake: 'ignores-lr' },
        { name: names.large, mistake: 'ignores-lr' },
      ],
    },
    {
      name: 'the gradient without 1/n',
      source: file(`  const p = sigmoid(matVec(X, w));
  const sum = matTVec(X, p.map((pi, i) => pi - y[i]));
  return w.map((wj, j) => wj - lr * sum[j]);`),
      // n·lr = 12 overshoots: the loss goes up too.
      fails: each('unaveraged-gradient', ...all),
    },
    {
      name: 'the step −lr·∇L returned',
      source: file('  return grad.map((g) => -lr * g);'),
      // Here L(−lr·∇L) happens to be below L(w), so the loss check passes: that depends on w.
      fails: [
        { name: names.equals, mistake: 'returns-step' },
        { name: names.repeat, mistake: 'returns-step' },
        { name: names.lr, mistake: 'returns-step' },
        { name: names.large, mistake: 'returns-step' },
      ],
    },
    {
      name: 'the gradient returned',
      source: file('  return grad;'),
      fails: [
        { name: names.equals, mistake: 'returns-gradient' },
        { name: names.repeat, mistake: 'returns-gradient' },
        { name: names.lr, mistake: 'returns-gradient' },
        { name: names.large, mistake: 'returns-gradient' },
      ],
    },
    {
      name: 'w updated in place and returned',
      source: file('  for (let j = 0; j < w.length; j++) w[j] -= lr * grad[j];\n  return w;'),
      fails: each('mutates-argument', ...everyCheck),
    },
    {
      name: 'an inline e^z/(1 + e^z), NaN for z ≫ 0',
      source: file(`  const p = matVec(X, w).map((z) => Math.exp(z) / (1 + Math.exp(z)));
  const g = matTVec(X, p.map((pi, i) => pi - y[i]));
  return w.map((wj, j) => wj - (lr * g[j]) / n);`),
      fails: each('unstable-sigmoid', names.large),
    },
    {
      name: 'lr squared',
      source: file('  return w.map((wj, j) => wj - lr * lr * grad[j]);'),
      fails: [
        { name: names.equals, mistake: undefined },
        { name: names.repeat, mistake: undefined },
        { name: names.lr, mistake: undefined },
        { name: names.large, mistake: undefined },
      ],
    },
  ];

  itCatches(id, wrong);

  it('says in a check of its own which argument changed in place, and how', async () => {
    const result = await checkSource(
      id,
      file('  for (let j = 0; j < w.length; j++) w[j] -= lr * grad[j];\n  return w;'),
    );
    const args = result.checks.find((check) => check.name === names.args);
    expect(args?.mistake).toBe('mutates-argument');
    expect(args?.message).toMatch(
      /w\[\d\] was -?[\d.]+, is now -?[\d.]+ \(the largest change of 3 changed entries\)/,
    );
    const rowPushed = await checkSource(
      id,
      file('  for (const row of X) row.push(1);\n  return w.map((wj, j) => wj - lr * grad[j]);'),
    );
    const pushed = rowPushed.checks.find((check) => check.name === names.args);
    expect(pushed?.message).toMatch(/X\[0\] had 3 entries, now has 4/);
    expect(pushed?.message).toContain('X.map((row) => [...row])');
  });

  it('names an overflowing σ only when the NaN comes from large positive z', async () => {
    // The chain rule left unsimplified divides by p and 1 − p: NaN where the stable σ is exactly
    // 0 or 1, with nothing overflowing. Its NaN is not named, and the note claims neither cause.
    const chainRule = await checkSource(
      id,
      file(`  const p = sigmoid(matVec(X, w));
  const r = p.map((pi, i) => (-y[i] / pi + (1 - y[i]) / (1 - pi)) * pi * (1 - pi));
  const g = matTVec(X, r);
  return w.map((wj, j) => wj - (lr * g[j]) / n);`),
    );
    const large = chainRule.checks.find((check) => check.name === names.large);
    expect(large?.passed).toBe(false);
    expect(large?.mistake).toBeUndefined();
    expect(large?.message).toContain('Two usual sources of a NaN there');
    expect(chainRule.checks.every((check) => check.mistake === undefined)).toBe(true);
  });

  it('describes an unnamed wrong step by its size', async () => {
    const result = await checkSource(
      id,
      file('  return w.map((wj, j) => wj - lr * lr * grad[j]);'),
    );
    const lr = result.checks.find((check) => check.name === names.lr);
    expect(lr?.message).toContain('The step you took (new w − w) is 0.1 times the expected one');
  });

  const correct: Right[] = [
    {
      name: 'a Float64Array filled in a loop',
      source: file(`  const next = new Float64Array(w.length);
  for (let j = 0; j < w.length; j++) next[j] = w[j] - lr * grad[j];
  return next as unknown as Vector;`),
    },
    {
      name: 'the gradient computed inline with lab.ts',
      source: file(`  const p = sigmoid(matVec(X, w));
  const g = matTVec(X, p.map((pi, i) => pi - y[i]));
  return w.map((wj, j) => wj - (lr * g[j]) / n);`),
    },
    {
      name: 'a copy updated in place',
      source: `import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';

export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const next = [...w];
  lossAndGrad(X, y, w).grad.forEach((g, j) => {
    next[j] -= lr * g;
  });
  return next;
}
`,
    },
  ];

  itPasses(id, correct);
});
