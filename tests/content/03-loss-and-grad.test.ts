// Task 2.2 (lossAndGrad) as students will meet it: the starter is "not implemented", the
// reference passes, every named mistake is caught and named, and differently written correct
// files pass. The other task files hold their reference solutions, as after tasks 1.1 and 1.2.
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

const id = 'loss-and-grad';
const names = {
  shape: 'returns { loss, grad } with grad of length d',
  loss: 'loss = mean BCE of σ(Xw)',
  grad: 'grad = Xᵀ(p − y)/n',
  downhill: '−grad points downhill',
  repeat: 'several w on one dataset',
  many: 'many examples: X 20000×2',
  large: 'finite for large w on separable data',
  args: 'leaves its arguments as they were',
};
const everyCheck = Object.values(names);
/** Every check but the one of arguments changed in place, which only that mistake fails. */
const all = everyCheck.filter((name) => name !== names.args);

const imports = `import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';
`;

/** A student file whose body computes z, p, loss and grad from the lines given. */
const file = (lines: string, result = '{ loss, grad }') =>
  studentFile(
    imports,
    fn(
      'export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector }',
      '  const n = X.length;',
      '  const p = sigmoid(matVec(X, w));',
      lines,
      `  return ${result};`,
    ),
  );

const goodLoss = '  const loss = bceLoss(y, p);';
const goodGrad = '  const grad = matTVec(X, p.map((pi, i) => pi - y[i])).map((g) => g / n);';

describe('03-loss-and-grad', () => {
  itStarterAndSolution(id, '03-loss-and-grad', names);

  const wrong: Wrong[] = [
    {
      name: 'a (loss, grad) tuple, as in the notebook',
      source: file(
        `${goodLoss}\n${goodGrad}`,
        '[loss, grad] as unknown as { loss: number; grad: Vector }',
      ),
      fails: all.map((name) => ({ name, mistake: 'returns-tuple' })),
    },
    {
      name: 'the residual p − y returned as the gradient (length n)',
      source: file(`${goodLoss}\n  const grad = p.map((pi, i) => (pi - y[i]) / n);`),
      fails: all.map((name) => ({ name, mistake: 'grad-length-n' })),
    },
    {
      name: 'Xᵀ(p − y) without the 1/n',
      source: file(`${goodLoss}\n  const grad = matTVec(X, p.map((pi, i) => pi - y[i]));`),
      fails: [
        { name: names.grad, mistake: 'grad-not-averaged' },
        { name: names.repeat, mistake: 'grad-not-averaged' },
        { name: names.many, mistake: 'grad-not-averaged' },
        { name: names.large, mistake: 'grad-not-averaged' },
      ],
    },
    {
      name: 'y − p instead of p − y',
      source: file(
        `${goodLoss}\n  const grad = matTVec(X, p.map((pi, i) => y[i] - pi)).map((g) => g / n);`,
      ),
      fails: [
        { name: names.grad, mistake: 'grad-sign' },
        { name: names.downhill, mistake: 'grad-sign' },
        { name: names.repeat, mistake: 'grad-sign' },
        { name: names.many, mistake: 'grad-sign' },
        { name: names.large, mistake: 'grad-sign' },
      ],
    },
    {
      name: 'z used where p = σ(z) belongs',
      source: file(`  const z = matVec(X, w);
  const loss = bceLoss(y, z);
  const grad = matTVec(X, z.map((zi, i) => zi - y[i])).map((g) => g / n);`),
      fails: [
        { name: names.loss, mistake: 'forgot-sigmoid' },
        { name: names.grad, mistake: 'forgot-sigmoid' },
        { name: names.repeat, mistake: 'forgot-sigmoid' },
        { name: names.many, mistake: 'forgot-sigmoid' },
        { name: names.large, mistake: 'forgot-sigmoid' },
      ],
    },
    {
      name: 'divided by d instead of n',
      source: file(
        `${goodLoss}\n  const grad = matTVec(X, p.map((pi, i) => pi - y[i])).map((g) => g / w.length);`,
      ),
      fails: [
        { name: names.grad, mistake: 'averages-over-d' },
        { name: names.repeat, mistake: 'averages-over-d' },
        { name: names.many, mistake: 'averages-over-d' },
        { name: names.large, mistake: 'averages-over-d' },
      ],
    },
    {
      name: 'the loss summed over examples',
      source: file(`  const loss = bceLoss(y, p) * n;\n${goodGrad}`),
      fails: [
        { name: names.loss, mistake: 'loss-sum' },
        { name: names.repeat, mistake: 'loss-sum' },
        { name: names.many, mistake: 'loss-sum' },
        { name: names.large, mistake: 'loss-sum' },
      ],
    },
    {
      name: 'an inline cross-entropy without clipping',
      source: file(`  let total = 0;
  for (let i = 0; i < n; i++) total -= y[i] * Math.log(p[i]) + (1 - y[i]) * Math.log(1 - p[i]);
  const loss = total / n;
${goodGrad}`),
      fails: [{ name: names.large, mistake: 'unclipped-log' }],
    },
    {
      name: 'an inline naive sigmoid (NaN for large w)',
      source: `${imports}
export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const n = X.length;
  const p = matVec(X, w).map((z) => Math.exp(z) / (1 + Math.exp(z)));
  const loss = bceLoss(y, p);
  const grad = matTVec(X, p.map((pi, i) => pi - y[i])).map((g) => g / n);
  return { loss, grad };
}
`,
      fails: [{ name: names.large, mistake: undefined }],
    },
    {
      name: 'the residual left as ∂ℓ/∂p·∂p/∂z (0/0 where σ is exactly 0 or 1)',
      source: file(`${goodLoss}
  const r = p.map((pi, i) => (-y[i] / pi + (1 - y[i]) / (1 - pi)) * pi * (1 - pi));
  const grad = matTVec(X, r).map((g) => g / n);`),
      fails: [{ name: names.large, mistake: undefined }],
    },
    {
      // Two mistakes at once: naming one would explain the result wrongly.
      name: 'y − p and no 1/n (−n·∇L)',
      source: file(`${goodLoss}\n  const grad = matTVec(X, p.map((pi, i) => y[i] - pi));`),
      fails: [names.grad, names.downhill, names.repeat, names.many, names.large].map((name) => ({
        name,
        mistake: undefined,
      })),
    },
    {
      name: 'the gradient alone, without the loss (not a tuple)',
      source: file(goodGrad, 'grad as unknown as { loss: number; grad: Vector }'),
      fails: all.map((name) => ({ name, mistake: undefined })),
    },
    {
      name: 'the per-example losses instead of their mean',
      source: file(
        `  const losses = p.map((pi, i) => bceLoss([y[i]], [pi]));\n${goodGrad}`,
        '{ loss: losses as unknown as number, grad }',
      ),
      fails: all.map((name) => ({ name, mistake: 'returns-vector' })),
    },
    {
      name: 'w updated in place',
      source: file(
        `${goodLoss}\n${goodGrad}\n  for (let j = 0; j < w.length; j++) w[j] -= 0.1 * grad[j];`,
      ),
      fails: everyCheck.map((name) => ({ name, mistake: 'mutates-argument' })),
    },
  ];

  itCatches(id, wrong);

  const correct: Right[] = [
    {
      name: 'plain loops and the softplus form of the loss',
      source: `import type { Matrix, Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const n = X.length;
  const d = w.length;
  const grad: number[] = new Array(d).fill(0);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let z = 0;
    for (let j = 0; j < d; j++) z += X[i][j] * w[j];
    // log(1 + e^z) − y·z, stable for any z
    loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[i] * z;
    const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    for (let j = 0; j < d; j++) grad[j] += ((p - y[i]) * X[i][j]) / n;
  }
  return { loss: loss / n, grad };
}
`,
    },
    {
      name: 'a Float64Array gradient built column by column',
      source: `import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { dot, type Matrix, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const p = sigmoid(X.map((row) => dot(row, w)));
  const residual = p.map((pi, i) => pi - y[i]);
  const grad = new Float64Array(w.length);
  for (let j = 0; j < w.length; j++) {
    grad[j] = X.reduce((sum, row, i) => sum + row[j] * residual[i], 0) / X.length;
  }
  return { loss: bceLoss(y, p), grad: grad as unknown as Vector };
}
`,
    },
    {
      name: 'the chain rule spelled out, with its own tiny clip',
      source: `import { sigmoid } from './01-sigmoid';
import { matTVec, matVec, type Matrix, type Vector } from './lab';

export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const n = X.length;
  const z = matVec(X, w);
  const p = sigmoid(z);
  let loss = 0;
  const dLdz: number[] = [];
  p.forEach((pi, i) => {
    const q = Math.min(Math.max(pi, 1e-15), 1 - 1e-15);
    loss += -(y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q)) / n;
    dLdz.push((pi - y[i]) / n); // ∂L/∂zᵢ
  });
  return { loss, grad: matTVec(X, dLdz) };
}
`,
    },
  ];

  itPasses(id, correct);

  it('says what to return, and what to look at for a NaN, without claiming a cause', async () => {
    // On the 8×2 case the gradient alone is two numbers: not a (loss, grad) pair.
    const gradOnly = await checkSource(
      id,
      file(goodGrad, 'grad as unknown as { loss: number; grad: Vector }'),
    );
    const shape = gradOnly.checks.find((check) => check.name === names.shape);
    expect(shape?.message).toContain(
      'An array came back: return an object with the fields loss and grad.',
    );
    expect(shape?.message).not.toMatch(/tuple|pair/);
    const chainRule = await checkSource(
      id,
      file(`${goodLoss}
  const r = p.map((pi, i) => (-y[i] / pi + (1 - y[i]) / (1 - pi)) * pi * (1 - pi));
  const grad = matTVec(X, r).map((g) => g / n);`),
    );
    const large = chainRule.checks.find((check) => check.name === names.large);
    expect(large?.message).toContain('divides by p and 1 − p (0/0)');
    expect(large?.message).toContain('e^z/(1 + e^z) once e^z overflows');
  });

  it('names an entry of X changed in place by its row and column, and says to copy the rows', async () => {
    // Centring X's first feature in place: every row changes at column 0.
    const centred = file(
      `  const mean = X.reduce((sum, row) => sum + row[0], 0) / n;
  for (const row of X) row[0] -= mean;
  const loss = bceLoss(y, p);
  const grad = matTVec(X, p.map((pi, i) => pi - y[i])).map((g) => g / n);`,
    );
    const result = await checkSource(id, centred);
    const args = result.checks.find((check) => check.name === names.args);
    expect(args?.passed).toBe(false);
    expect(args?.message).toMatch(/X\[\d+\]\[0\] was -?[\d.e-]+, is now -?[\d.e-]+/);
    expect(args?.message).toMatch(/Copy the rows you change/);
  });
});
