// Task 3.2 (vHv) as students will meet it: the starter is "not implemented", the reference
// passes, every named mistake is caught and named, and differently written correct files pass.
// Earlier task files hold their reference solutions (so `./05-hvp` is a correct hvp).
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

const id = 'psd';
const names = {
  number: 'returns one number',
  equals: 'equals v·(Hv)',
  repeat: 'several v and w on one X',
  sign: 'vᵀHv ≥ 0 for random v',
  flat: 'vᵀHv = 0 when Xv = 0',
  args: 'leaves its arguments as they were',
};
const everyCheck = Object.values(names);
/** Every check but the one of arguments changed in place, which only that mistake fails. */
const all = everyCheck.filter((name) => name !== names.args);

const imports = `import { sigmoid } from './01-sigmoid';
import { hvp } from './05-hvp';
import { dot, type Matrix, matVec, type Vector } from './lab';
`;

/** A student file that has p = σ(Xw) and Xv, then the lines given. */
const file = (lines: string) =>
  studentFile(
    imports,
    fn(
      'export function vHv(X: Matrix, y: Vector, w: Vector, v: Vector): number',
      '  const n = X.length;',
      '  const p = sigmoid(matVec(X, w));',
      '  const Xv = matVec(X, v);',
      lines,
    ),
  );

describe('06-psd', () => {
  itStarterAndSolution(id, '06-psd', names);

  const wrong: Wrong[] = [
    {
      name: 'the vector H·v returned',
      source: file('  return hvp(X, y, w, v) as unknown as number;'),
      fails: each('returns-vector', ...all),
    },
    {
      // Not H·v: the value inside is right, so returns-vector ("Returned H·v") would be false.
      name: 'the number wrapped in an array',
      source: file('  return [dot(v, hvp(X, y, w, v))] as unknown as number;'),
      fails: each(undefined, ...all),
    },
    {
      name: 'the n terms sᵢ(xᵢ·v)²/n, the sum forgotten',
      source: file(
        '  return p.map((pi, i) => (pi * (1 - pi) * Xv[i] ** 2) / n) as unknown as number;',
      ),
      fails: each(undefined, ...all),
    },
    {
      name: 'the sum over examples without the 1/n',
      source: file('  return p.reduce((sum, pi, i) => sum + pi * (1 - pi) * Xv[i] ** 2, 0);'),
      fails: [
        { name: names.equals, mistake: 'missing-mean' },
        { name: names.repeat, mistake: 'missing-mean' },
      ],
    },
    {
      name: 'a minus sign',
      source: file('  return -dot(v, hvp(X, y, w, v));'),
      fails: [
        { name: names.equals, mistake: 'sign-error' },
        { name: names.repeat, mistake: 'sign-error' },
        { name: names.sign, mistake: 'sign-error' },
      ],
    },
    {
      name: 'p instead of p(1 − p)',
      source: file('  return p.reduce((sum, pi, i) => sum + pi * Xv[i] ** 2, 0) / n;'),
      fails: [
        { name: names.equals, mistake: 'p-not-variance' },
        { name: names.repeat, mistake: 'p-not-variance' },
      ],
    },
    {
      name: '‖Xv‖²/n, without the weights',
      source: file('  return dot(Xv, Xv) / n;'),
      fails: [
        { name: names.equals, mistake: 'forgot-s' },
        { name: names.repeat, mistake: 'forgot-s' },
      ],
    },
    {
      name: '‖Hv‖², H·v dotted with itself',
      source: file('  const Hv = hvp(X, y, w, v);\n  return dot(Hv, Hv);'),
      fails: [
        { name: names.equals, mistake: 'norm-not-quadratic' },
        { name: names.repeat, mistake: 'norm-not-quadratic' },
      ],
    },
    {
      name: '‖Hv‖',
      source: file('  const Hv = hvp(X, y, w, v);\n  return Math.sqrt(dot(Hv, Hv));'),
      fails: [
        { name: names.equals, mistake: 'norm-not-quadratic' },
        { name: names.repeat, mistake: 'norm-not-quadratic' },
      ],
    },
    {
      name: 'Σ sᵢ(xᵢ·v)/n, without the square',
      source: file('  return p.reduce((sum, pi, i) => sum + pi * (1 - pi) * Xv[i], 0) / n;'),
      fails: [
        { name: names.equals, mistake: 'missing-square' },
        { name: names.repeat, mistake: 'missing-square' },
        { name: names.sign, mistake: 'missing-square' },
      ],
    },
    {
      name: 'a small ridge added to force positivity',
      source: file('  return dot(v, hvp(X, y, w, v)) + 1e-6 * dot(v, v);'),
      fails: [
        { name: names.equals, mistake: undefined },
        { name: names.repeat, mistake: undefined },
        { name: names.flat, mistake: undefined },
      ],
    },
    {
      name: 'v normalized in place',
      source: file(`  const norm = Math.sqrt(dot(v, v));
  for (let j = 0; j < v.length; j++) v[j] /= norm;
  return dot(v, hvp(X, y, w, v)) * norm * norm;`),
      fails: each('mutates-argument', ...everyCheck),
    },
  ];

  itCatches(id, wrong);

  it('explains a sign error on the smallest direction', async () => {
    const result = await checkSource(id, file('  return -dot(v, hvp(X, y, w, v));'));
    const sign = result.checks.find((check) => check.name === names.sign);
    expect(sign?.message).toContain('v = [1, 0, 0]');
    expect(sign?.message).toMatch(/expected: a number ≥ 0/);
  });

  it('says a wrapped number is right inside, and does not call it H·v', async () => {
    const result = await checkSource(
      id,
      file('  return [dot(v, hvp(X, y, w, v))] as unknown as number;'),
    );
    const message = result.checks.find((check) => check.name === names.number)?.message ?? '';
    expect(message).toContain(
      'Return the number itself, not a one-element array: the value inside is right.',
    );
    expect(message).not.toMatch(/H·v/);
  });

  it('calls the n terms of the sum what they are, not H·v', async () => {
    const result = await checkSource(
      id,
      file('  return p.map((pi, i) => (pi * (1 - pi) * Xv[i] ** 2) / n) as unknown as number;'),
    );
    const message = result.checks.find((check) => check.name === names.number)?.message ?? '';
    expect(message).toMatch(/one per example/);
    expect(message).not.toMatch(/H·v/);
  });

  const correct: Right[] = [
    {
      name: 'the direct sum (1/n)·Σ sᵢ(xᵢ·v)² in a loop',
      source: file(`  let total = 0;
  for (let i = 0; i < n; i++) total += p[i] * (1 - p[i]) * Xv[i] * Xv[i];
  return total / n;`),
    },
    {
      name: 'an explicit loop over H·v',
      source: `import { hvp } from './05-hvp';
import type { Matrix, Vector } from './lab';

export function vHv(X: Matrix, y: Vector, w: Vector, v: Vector): number {
  const Hv = hvp(X, y, w, v);
  let total = 0;
  for (let j = 0; j < v.length; j++) total += v[j] * Hv[j];
  return total;
}
`,
    },
    {
      name: 'array methods only, no imports',
      source: `import type { Matrix, Vector } from './lab';

export function vHv(X: Matrix, y: Vector, w: Vector, v: Vector): number {
  const dotRow = (row: number[], u: Vector) => row.reduce((sum, x, j) => sum + x * u[j], 0);
  return (
    X.map((row) => {
      const z = dotRow(row, w);
      const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      return p * (1 - p) * dotRow(row, v) ** 2;
    }).reduce((a, b) => a + b, 0) / X.length
  );
}
`,
    },
  ];

  itPasses(id, correct);
});
