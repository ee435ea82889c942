// Task 2.3 (numericalGrad) as students will meet it: the starter is "not implemented", the
// reference passes, every named mistake is caught and named, and differently written correct
// files pass.
import { describe, expect, it } from 'vitest';
import {
  fn,
  itCatches,
  itPasses,
  itStarterAndSolution,
  type Right,
  studentFile,
  type Wrong,
} from '../helpers/content.js';
import { checkSource } from '../helpers/workspace.js';

const id = 'numerical-grad';
const names = {
  shape: 'one entry per weight',
  central: 'central differences: error ~ε² on a cubic',
  eps: 'uses its eps argument',
  repeat: 'several w for one f',
  unchanged: 'leaves w unchanged',
  logLoss: 'agrees with Xᵀ(p − y)/n on the log-loss',
};

/** A whole student file exporting `numericalGrad`, with `body` inside the function. */
const file = (body: string, signature = 'f: (w: Vector) => number, w: Vector, eps = 1e-5') =>
  studentFile(
    "import type { Vector } from './lab';\n",
    fn(`export function numericalGrad(${signature}): Vector`, body),
  );

/** The loop over coordinates with fresh copies; `entry` computes g[i] from fp, fm (and f0). */
const copies = (entry: string) =>
  file(`  const f0 = f(w);
  const g: number[] = [];
  for (let i = 0; i < w.length; i++) {
    const plus = [...w];
    const minus = [...w];
    plus[i] += eps;
    minus[i] -= eps;
    g.push(${entry});
  }
  void f0;
  return g;`);

describe('04-numerical-grad', () => {
  itStarterAndSolution(id, '04-numerical-grad', names);

  const wrong: Wrong[] = [
    {
      name: 'a forward difference',
      source: copies('(f(plus) - f0) / eps'),
      fails: [
        { name: names.central, mistake: 'forward-difference' },
        { name: names.eps, mistake: 'forward-difference' },
        { name: names.repeat, mistake: 'forward-difference' },
        { name: names.logLoss, mistake: 'forward-difference' },
      ],
    },
    {
      name: 'a backward difference',
      source: copies('(f0 - f(minus)) / eps'),
      fails: [
        { name: names.central, mistake: 'forward-difference' },
        { name: names.eps, mistake: 'forward-difference' },
        { name: names.repeat, mistake: 'forward-difference' },
        { name: names.logLoss, mistake: 'forward-difference' },
      ],
    },
    {
      name: 'divided by ε instead of 2ε',
      source: copies('(f(plus) - f(minus)) / eps'),
      fails: [
        { name: names.central, mistake: 'divides-by-eps' },
        { name: names.eps, mistake: 'divides-by-eps' },
        { name: names.repeat, mistake: 'divides-by-eps' },
        { name: names.logLoss, mistake: 'divides-by-eps' },
      ],
    },
    {
      name: '`/ 2 * eps` without parentheses',
      source: copies('(f(plus) - f(minus)) / 2 * eps'),
      fails: [
        { name: names.central, mistake: 'precedence' },
        { name: names.eps, mistake: 'precedence' },
        { name: names.repeat, mistake: 'precedence' },
        { name: names.logLoss, mistake: 'precedence' },
      ],
    },
    {
      name: 'the difference taken backwards',
      source: copies('(f(minus) - f(plus)) / (2 * eps)'),
      fails: [
        { name: names.central, mistake: 'difference-reversed' },
        { name: names.eps, mistake: 'difference-reversed' },
        { name: names.repeat, mistake: 'difference-reversed' },
        { name: names.logLoss, mistake: 'difference-reversed' },
      ],
    },
    {
      name: 'every coordinate perturbed at once',
      source: file(`  const plus = w.map((x) => x + eps);
  const minus = w.map((x) => x - eps);
  return w.map(() => (f(plus) - f(minus)) / (2 * eps));`),
      fails: [
        { name: names.central, mistake: 'perturbs-all' },
        { name: names.eps, mistake: 'perturbs-all' },
        { name: names.repeat, mistake: 'perturbs-all' },
        { name: names.logLoss, mistake: 'perturbs-all' },
      ],
    },
    {
      name: 'a hard-coded step',
      source: file(
        `  const h = 1e-5;
  return w.map((_, i) => {
    const plus = [...w];
    const minus = [...w];
    plus[i] += h;
    minus[i] -= h;
    return (f(plus) - f(minus)) / (2 * h);
  });`,
        'f: (w: Vector) => number, w: Vector, _eps = 1e-5',
      ),
      fails: [{ name: names.eps, mistake: 'ignores-eps' }],
    },
    {
      name: 'one copy of w for all coordinates, never put back',
      source: file(`  const v = [...w];
  const g: number[] = [];
  for (let i = 0; i < v.length; i++) {
    v[i] += eps;
    const fp = f(v);
    v[i] -= 2 * eps;
    g.push((fp - f(v)) / (2 * eps));
  }
  return g;`),
      fails: [
        { name: names.central, mistake: 'leftover-perturbation' },
        { name: names.eps, mistake: 'leftover-perturbation' },
        { name: names.repeat, mistake: 'leftover-perturbation' },
        { name: names.logLoss, mistake: 'leftover-perturbation' },
      ],
    },
    {
      name: 'w changed in place and put back by arithmetic',
      source: file(`  const g: number[] = [];
  for (let i = 0; i < w.length; i++) {
    w[i] += eps;
    const fp = f(w);
    w[i] -= 2 * eps;
    const fm = f(w);
    w[i] += eps;
    g.push((fp - fm) / (2 * eps));
  }
  return g;`),
      fails: [
        { name: names.shape, mistake: 'restore-drift' },
        { name: names.central, mistake: 'restore-drift' },
        { name: names.eps, mistake: 'restore-drift' },
        { name: names.unchanged, mistake: 'restore-drift' },
        { name: names.logLoss, mistake: 'restore-drift' },
      ],
    },
    {
      name: 'w changed in place and not put back',
      source: file(`  const g: number[] = [];
  for (let i = 0; i < w.length; i++) {
    w[i] += eps;
    const fp = f(w);
    w[i] -= 2 * eps;
    g.push((fp - f(w)) / (2 * eps));
  }
  return g;`),
      fails: [
        { name: names.shape, mistake: 'mutates-argument' },
        { name: names.central, mistake: 'mutates-argument' },
        { name: names.eps, mistake: 'mutates-argument' },
        // Its w changed under it: not judged as a formula, nor as leftover perturbations.
        { name: names.repeat, mistake: undefined },
        { name: names.unchanged, mistake: 'mutates-argument' },
        { name: names.logLoss, mistake: 'mutates-argument' },
      ],
    },
    {
      name: 'one entry too many (i <= w.length)',
      source: file(`  const g: number[] = [];
  for (let i = 0; i <= w.length; i++) {
    const plus = [...w];
    const minus = [...w];
    plus[i] += eps;
    minus[i] -= eps;
    g.push((f(plus) - f(minus)) / (2 * eps));
  }
  return g;`),
      // f itself refuses the vector with the extra entry, and says so: the student sees the throw.
      fails: [
        { name: names.shape, mistake: undefined },
        { name: names.central, mistake: undefined },
        { name: names.eps, mistake: undefined },
        { name: names.repeat, mistake: undefined },
        { name: names.unchanged, mistake: undefined },
        { name: names.logLoss, mistake: undefined },
      ],
    },
  ];

  it('says so when f is called with a vector of the wrong length', async () => {
    const result = await checkSource(
      id,
      wrong.find((item) => item.name.startsWith('one entry too many'))?.source ?? '',
    );
    expect(result.checks[0]?.message).toMatch(
      /it threw TypeError: f expects a vector of length \d+ \(one entry per weight\), got length \d+\n +at numericalGrad \(04-numerical-grad\.ts:\d+:\d+\)/,
    );
  });

  it('does not judge a value whose w changed under it, and says why', async () => {
    const result = await checkSource(
      id,
      wrong.find((item) => item.name === 'w changed in place and not put back')?.source ?? '',
    );
    const repeat = result.checks.find((check) => check.name === names.repeat);
    expect(repeat?.message).toMatch(/The call also changed its argument in place \(w\[\d\] was /);
    expect(repeat?.message).not.toMatch(/kept from an earlier call|piled up/);
  });

  itCatches(id, wrong);

  it('counts the calls of f in its message', async () => {
    const result = await checkSource(id, copies('(f(plus) - f0) / eps'));
    const eps = result.checks.find((check) => check.name === names.eps);
    expect(eps?.message).toContain(
      'Your code called f 4 times for d = 3; central differences need 2 per coordinate (6).',
    );
    expect(eps?.message).toContain('That is d + 1, the pattern of a forward difference');
  });

  const correct: Right[] = [
    {
      name: 'in place, restoring the saved value exactly',
      source: file(`  const g: number[] = [];
  for (let i = 0; i < w.length; i++) {
    const old = w[i];
    w[i] = old + eps;
    const fp = f(w);
    w[i] = old - eps;
    const fm = f(w);
    w[i] = old;
    g.push((fp - fm) / (2 * eps));
  }
  return g;`),
    },
    {
      name: 'a Float64Array result and slice() copies',
      source: `import type { Vector } from './lab';

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Float64Array {
  const grad = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const up = w.slice();
    const down = w.slice();
    up[i] = w[i] + eps;
    down[i] = w[i] - eps;
    grad[i] = (f(up) - f(down)) / (2 * eps);
  }
  return grad;
}
`,
    },
    {
      name: 'a helper for w ± ε·eᵢ and Array.from',
      source: `import type { Vector } from './lab';

/** w + h·eᵢ, as a new vector. */
function shift(w: Vector, i: number, h: number): Vector {
  return w.map((x, j) => (j === i ? x + h : x));
}

export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  return Array.from({ length: w.length }, (_, i) => (f(shift(w, i, eps)) - f(shift(w, i, -eps))) / (2 * eps));
}
`,
    },
  ];

  itPasses(id, correct);
});
