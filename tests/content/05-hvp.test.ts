// Task 3.1 (hvp) as students will meet it: the starter is "not implemented", the reference
// passes, every named mistake is caught and named (a full d×d Hessian by its speed), and
// differently written correct files pass. Earlier task files hold their reference solutions.
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

const id = 'hvp';
const names = {
  length: 'one entry per feature (length d)',
  zero: 'H·v at w = 0 (every sᵢ = 1/4)',
  random: 'H·v on random datasets',
  repeat: 'several v and w on one X',
  saturated: 'saturated σ: no NaN',
  confident: 'confident examples still add curvature',
  speed: 'O(nd): no d×d Hessian',
  args: 'leaves its arguments as they were',
};
const everyCheck = Object.values(names);
/** Every check but the one of arguments changed in place, which only that mistake fails. */
const all = everyCheck.filter((name) => name !== names.args);

const imports = `import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';
`;

/** A student file that has p = σ(Xw) and Xv, then the lines given. */
const file = (lines: string) =>
  studentFile(
    imports,
    fn(
      'export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector',
      '  const n = X.length;',
      '  const p = sigmoid(matVec(X, w));',
      '  const Xv = matVec(X, v);',
      lines,
    ),
  );

describe('05-hvp', () => {
  itStarterAndSolution(id, '05-hvp', names);

  const wrong: Wrong[] = [
    {
      name: 'the 1/n forgotten',
      source: file('  return matTVec(X, p.map((pi, i) => pi * (1 - pi) * Xv[i]));'),
      fails: [
        { name: names.zero, mistake: 'missing-mean' },
        { name: names.random, mistake: 'missing-mean' },
        { name: names.repeat, mistake: 'missing-mean' },
        { name: names.confident, mistake: 'missing-mean' },
        // A fast wrong answer tells nothing of the cost of a right one.
        { name: names.speed, mistake: undefined },
      ],
    },
    {
      name: 'p instead of p(1 − p)',
      source: file('  return matTVec(X, p.map((pi, i) => pi * Xv[i])).map((x) => x / n);'),
      fails: [
        { name: names.zero, mistake: 'p-not-variance' },
        { name: names.random, mistake: 'p-not-variance' },
        { name: names.repeat, mistake: 'p-not-variance' },
        { name: names.saturated, mistake: 'p-not-variance' },
        { name: names.confident, mistake: 'p-not-variance' },
        // A fast wrong answer tells nothing of the cost of a right one.
        { name: names.speed, mistake: undefined },
      ],
    },
    {
      name: 'p − y (the gradient residual) instead of p(1 − p)',
      source: file('  return matTVec(X, p.map((pi, i) => (pi - y[i]) * Xv[i])).map((x) => x / n);'),
      // The random case shrinks no further than 4×2, where the labels tell p − y from p.
      fails: [
        { name: names.zero, mistake: 'residual-not-variance' },
        { name: names.random, mistake: 'residual-not-variance' },
        { name: names.repeat, mistake: 'residual-not-variance' },
        { name: names.confident, mistake: 'residual-not-variance' },
        // A fast wrong answer tells nothing of the cost of a right one.
        { name: names.speed, mistake: undefined },
      ],
    },
    {
      name: 'no weights s at all (XᵀXv/n)',
      source: file('  return matTVec(X, Xv).map((x) => x / n);'),
      fails: [
        { name: names.zero, mistake: 'forgot-s' },
        { name: names.random, mistake: 'forgot-s' },
        { name: names.repeat, mistake: 'forgot-s' },
        { name: names.saturated, mistake: 'forgot-s' },
        { name: names.confident, mistake: 'forgot-s' },
        // A fast wrong answer tells nothing of the cost of a right one.
        { name: names.speed, mistake: undefined },
      ],
    },
    {
      name: 'Xᵀs/n, without v',
      source: file('  return matTVec(X, p.map((pi) => pi * (1 - pi))).map((x) => x / n);'),
      fails: [
        { name: names.zero, mistake: 'forgot-v' },
        { name: names.random, mistake: 'forgot-v' },
        { name: names.repeat, mistake: 'forgot-v' },
        { name: names.confident, mistake: 'forgot-v' },
        // A fast wrong answer tells nothing of the cost of a right one.
        { name: names.speed, mistake: undefined },
      ],
    },
    {
      name: 'a minus sign',
      source: file(
        '  return matTVec(X, p.map((pi, i) => -pi * (1 - pi) * Xv[i])).map((x) => x / n);',
      ),
      fails: [
        { name: names.zero, mistake: 'sign-error' },
        { name: names.random, mistake: 'sign-error' },
        { name: names.repeat, mistake: 'sign-error' },
        { name: names.confident, mistake: 'sign-error' },
        // A fast wrong answer tells nothing of the cost of a right one.
        { name: names.speed, mistake: undefined },
      ],
    },
    {
      name: 'divided by d instead of n',
      source: file(
        '  return matTVec(X, p.map((pi, i) => pi * (1 - pi) * Xv[i])).map((x) => x / w.length);',
      ),
      // The hand case is 3×2: dividing by d = 2 is dividing by n − 1 there, so only the
      // random case names it.
      fails: [
        { name: names.zero, mistake: undefined },
        { name: names.random, mistake: 'divides-by-d' },
        { name: names.repeat, mistake: 'divides-by-d' },
        { name: names.confident, mistake: 'divides-by-d' },
        // A fast wrong answer tells nothing of the cost of a right one.
        { name: names.speed, mistake: undefined },
      ],
    },
    {
      name: 's ⊙ Xv / n returned (length n, Xᵀ forgotten)',
      source: file('  return p.map((pi, i) => (pi * (1 - pi) * Xv[i]) / n);'),
      fails: each('forgot-transpose', ...all),
    },
    {
      // At w = 0, 1 − p = p = ½: the hand case alone cannot tell this from p-not-variance.
      name: '1 − p instead of p(1 − p)',
      source: file('  return matTVec(X, p.map((pi, i) => (1 - pi) * Xv[i])).map((x) => x / n);'),
      fails: each(
        undefined,
        names.zero,
        names.random,
        names.repeat,
        names.saturated,
        names.confident,
        names.speed,
      ),
    },
    {
      // n entries, but not s ⊙ Xv: "Stopped at s ⊙ Xv" would be false; the length is wrong.
      name: 'the weights s = p(1 − p) returned (length n, v unused)',
      source: file('  return p.map((pi) => pi * (1 - pi));'),
      fails: each('wrong-length', ...all),
    },
    {
      name: 's written as e^(−z)/(1 + e^(−z))², which overflows for z ≪ 0',
      source: file(`  const s = matVec(X, w).map((z) => Math.exp(-z) / (1 + Math.exp(-z)) ** 2);
  return matTVec(X, s.map((si, i) => si * Xv[i])).map((x) => x / n);`),
      fails: each('unstable-sigmoid', names.saturated),
    },
    {
      name: 'v scaled in place',
      source: file(`  for (let j = 0; j < v.length; j++) v[j] /= n;
  return matTVec(X, p.map((pi, i) => pi * (1 - pi) * Xv[i])).map((x) => x / n);`),
      fails: each('mutates-argument', ...everyCheck),
    },
    {
      name: 'an async function',
      source: `${imports}
export async function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Promise<Vector> {
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  return matTVec(X, p.map((pi, i) => pi * (1 - pi) * Xv[i])).map((x) => x / X.length);
}
`,
      fails: each('returns-promise', ...everyCheck),
    },
    {
      name: 'the full Hessian, entry by entry (number[][])',
      source: file(`  const d = w.length;
  const H: number[][] = [];
  for (let j = 0; j < d; j++) {
    const row: number[] = new Array(d).fill(0);
    for (let k = 0; k < d; k++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += X[i][j] * p[i] * (1 - p[i]) * X[i][k];
      row[k] = sum / n;
    }
    H.push(row);
  }
  return matVec(H, v);`),
      fails: each('full-hessian', names.speed),
    },
    {
      name: 'the full Hessian as a sum of outer products in one Float64Array',
      source: file(`  const d = w.length;
  const H = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    const si = (p[i] * (1 - p[i])) / n;
    for (let j = 0; j < d; j++) {
      const a = si * X[i][j];
      for (let k = 0; k < d; k++) H[j * d + k] += a * X[i][k];
    }
  }
  const out: number[] = new Array(d).fill(0);
  for (let j = 0; j < d; j++) for (let k = 0; k < d; k++) out[j] += H[j * d + k] * v[k];
  return out;`),
      fails: each('full-hessian', names.speed),
    },
    {
      name: 'the full Hessian column by column, as H·eⱼ',
      source: `${imports}
function product(X: Matrix, w: Vector, v: Vector): Vector {
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  return matTVec(X, p.map((pi, i) => pi * (1 - pi) * Xv[i])).map((x) => x / X.length);
}

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const d = w.length;
  const H = w.map((_, j) => product(X, w, w.map((_, k) => (k === j ? 1 : 0))));
  return matVec(H, v);
}
`,
      fails: each('full-hessian', names.speed),
    },
  ];

  itCatches(id, wrong);

  it('says what a full Hessian costs, with the time it took', async () => {
    const full = wrong.find((candidate) => candidate.name.includes('Float64Array'));
    const result = await checkSource(id, full?.source ?? '');
    const speed = result.checks.find((check) => check.name === names.speed);
    expect(speed?.message).toMatch(/^tried: {4}hvp\(X, y, w, v\) with X: 3×(1000|2500)/);
    expect(speed?.message).toMatch(/got: {6}the fastest call took \d+ ms with d = 1000/);
    expect(speed?.message).toContain('A full Hessian built');
  });

  it('shows a failing random case small enough to redo by hand', async () => {
    const result = await checkSource(id, wrong[0]?.source ?? '');
    const random = result.checks.find((check) => check.name === names.random);
    // The search shrinks to a dataset of four examples and two features, shown in full.
    expect(random?.message).toMatch(
      /^tried: {4}hvp\(X, y, w, v\) with X = \[\[[^\]]+\](, \[[^\]]+\]){3}\], y = \[/,
    );
  });

  /** An hvp that keeps s = p(1 − p) in `cache` under `key` (an expression of X and w). */
  const cachedWeights = (cache: string, key: string) => `${imports}
const cache = ${cache};
export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const key = ${key};
  let s = cache.get(key);
  if (!s) {
    s = sigmoid(matVec(X, w)).map((pi) => pi * (1 - pi));
    cache.set(key, s);
  }
  const weights = s;
  const Xv = matVec(X, v);
  return matTVec(X, Xv.map((u, i) => weights[i] * u)).map((x) => x / X.length);
}
`;

  it.each([
    [
      'by the w array, when new weights are written into it',
      cachedWeights('new WeakMap<object, Vector>()', 'w'),
      ['the same w array, its entries set to new weights', /kept from an earlier call/],
    ],
    [
      'by w and n, on another X of the same size',
      cachedWeights('new Map<string, Vector>()', "X.length + ':' + w.join(',')"),
      ['another X of the same size'],
    ],
  ] as const)('catches weights cached %s', async (_, source, said) => {
    const result = await checkSource(id, source);
    const repeat = result.checks.find((check) => check.name === names.repeat);
    expect(repeat?.passed).toBe(false);
    for (const words of said)
      if (typeof words === 'string') expect(repeat?.message).toContain(words);
      else expect(repeat?.message).toMatch(words);
  });

  const correct: Right[] = [
    {
      name: 'plain loops with an inline stable σ',
      source: `import type { Matrix, Vector } from './lab';

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const d = w.length;
  const out: number[] = new Array(d).fill(0);
  for (let i = 0; i < n; i++) {
    let z = 0;
    let u = 0;
    for (let j = 0; j < d; j++) {
      z += X[i][j] * w[j];
      u += X[i][j] * v[j];
    }
    const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    const r = (p * (1 - p) * u) / n;
    for (let j = 0; j < d; j++) out[j] += r * X[i][j];
  }
  return out;
}
`,
    },
    {
      name: 'a Float64Array with dot from lab.ts',
      source: `import { sigmoid } from './01-sigmoid';
import { dot, type Matrix, type Vector } from './lab';

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const p = sigmoid(X.map((row) => dot(row, w)));
  const out = new Float64Array(w.length);
  X.forEach((row, i) => {
    const r = p[i] * (1 - p[i]) * dot(row, v);
    row.forEach((x, j) => {
      out[j] += (r * x) / X.length;
    });
  });
  return out as unknown as Vector;
}
`,
    },
    {
      name: 'array methods, with s = e^(−|z|)/(1 + e^(−|z|))²',
      source: `import type { Matrix, Vector } from './lab';

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const dotRow = (row: number[], u: Vector) => row.reduce((sum, x, j) => sum + x * u[j], 0);
  const r = X.map((row) => {
    const e = Math.exp(-Math.abs(dotRow(row, w)));
    return (e / (1 + e) ** 2) * dotRow(row, v);
  });
  return X[0].map((_, j) => X.reduce((sum, row, i) => sum + row[j] * r[i], 0) / X.length);
}
`,
    },
    {
      name: 'Xᵀ built once as a d×n matrix',
      source: `import { sigmoid } from './01-sigmoid';
import { type Matrix, matVec, type Vector } from './lab';

export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const n = X.length;
  const Xt: Matrix = X[0].map((_, j) => X.map((row) => row[j]));
  const p = sigmoid(matVec(X, w));
  const u = matVec(X, v);
  const r = u.map((ui, i) => (p[i] * (1 - p[i]) * ui) / n);
  return matVec(Xt, r);
}
`,
    },
  ];

  itPasses(id, correct);
});
