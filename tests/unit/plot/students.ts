// Student files for the plot tests: a correct workspace written like the reference solutions
// (independent of lessons/*/solution.ts, which are still being written), and wrong variants
// with the mistakes the plots are meant to show.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SessionTask } from '../../../src/engine/session.js';
import type { PlotCourse } from '../../../src/plot/command.js';
import { tempDir } from '../../helpers/temp.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The lab's helpers, as every new workspace gets them. */
const lab = readFileSync(path.join(root, 'lessons/workspace/lab.ts'), 'utf8');

/** The eight tasks as the engine sees them (the workspace contract). */
export const tasks: Readonly<Record<string, SessionTask>> = {
  sigmoid: { id: 'sigmoid', file: '01-sigmoid.ts', exportName: 'sigmoid', params: ['z'] },
  'bce-loss': { id: 'bce-loss', file: '02-bce-loss.ts', exportName: 'bceLoss', params: ['y', 'p'] },
  'loss-and-grad': {
    id: 'loss-and-grad',
    file: '03-loss-and-grad.ts',
    exportName: 'lossAndGrad',
    params: ['X', 'y', 'w'],
  },
  'numerical-grad': {
    id: 'numerical-grad',
    file: '04-numerical-grad.ts',
    exportName: 'numericalGrad',
    params: ['f', 'w', 'eps'],
  },
  hvp: { id: 'hvp', file: '05-hvp.ts', exportName: 'hvp', params: ['X', 'y', 'w', 'v'] },
  psd: { id: 'psd', file: '06-psd.ts', exportName: 'vHv', params: ['X', 'y', 'w', 'v'] },
  'gd-step': {
    id: 'gd-step',
    file: '07-gd-step.ts',
    exportName: 'gdStep',
    params: ['X', 'y', 'w', 'lr'],
  },
  'newton-step': {
    id: 'newton-step',
    file: '08-newton-step.ts',
    exportName: 'newtonStep',
    params: ['X', 'y', 'w'],
  },
};

export function task(id: string): SessionTask {
  const found = tasks[id];
  if (!found) throw new Error(`No task \`${id}\``);
  return found;
}

/** Correct implementations of every task, written the way the lessons ask for them. */
export const correct: Readonly<Record<string, string>> = {
  '01-sigmoid.ts': `import type { Vector } from './lab';
export function sigmoid(z: Vector): Vector {
  return z.map((zi) => {
    if (zi >= 0) return 1 / (1 + Math.exp(-zi));
    const e = Math.exp(zi);
    return e / (1 + e);
  });
}
`,
  '02-bce-loss.ts': `import type { Vector } from './lab';
const eps = 1e-12;
export function bceLoss(y: Vector, p: Vector): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    const q = Math.min(Math.max(p[i], eps), 1 - eps);
    total -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
  }
  return total / y.length;
}
`,
  '03-loss-and-grad.ts': `import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';
export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const p = sigmoid(matVec(X, w));
  const loss = bceLoss(y, p);
  const grad = matTVec(X, p.map((pi, i) => pi - y[i])).map((g) => g / X.length);
  return { loss, grad };
}
`,
  '04-numerical-grad.ts': `import type { Vector } from './lab';
export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  return w.map((_, i) => {
    const plus = [...w];
    const minus = [...w];
    plus[i] += eps;
    minus[i] -= eps;
    return (f(plus) - f(minus)) / (2 * eps);
  });
}
`,
  '05-hvp.ts': `import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';
export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  const r = p.map((pi, i) => pi * (1 - pi) * Xv[i]);
  return matTVec(X, r).map((x) => x / X.length);
}
`,
  '06-psd.ts': `import { hvp } from './05-hvp';
import { dot, type Matrix, type Vector } from './lab';
export function vHv(X: Matrix, y: Vector, w: Vector, v: Vector): number {
  return dot(v, hvp(X, y, w, v));
}
`,
  '07-gd-step.ts': `import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';
export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const { grad } = lossAndGrad(X, y, w);
  return w.map((wi, j) => wi - lr * grad[j]);
}
`,
  '08-newton-step.ts': `import { lossAndGrad } from './03-loss-and-grad';
import { hvp } from './05-hvp';
import type { Matrix, Vector } from './lab';
export function newtonStep(X: Matrix, y: Vector, w: Vector): Vector {
  const d = w.length;
  const { grad } = lossAndGrad(X, y, w);
  const H = w.map((_, j) => hvp(X, y, w, w.map((__, k) => (k === j ? 1 : 0))));
  // Solve H·s = grad by Gaussian elimination with partial pivoting.
  const M = H.map((row, i) => [...row, grad[i]]);
  for (let col = 0; col < d; col++) {
    let pivot = col;
    for (let r = col + 1; r < d; r++) if (Math.abs(M[r][col]) > Math.abs(M[pivot][col])) pivot = r;
    [M[col], M[pivot]] = [M[pivot], M[col]];
    for (let r = col + 1; r < d; r++) {
      const factor = M[r][col] / M[col][col];
      for (let c = col; c <= d; c++) M[r][c] -= factor * M[col][c];
    }
  }
  const s = new Array(d).fill(0);
  for (let r = d - 1; r >= 0; r--) {
    let sum = M[r][d];
    for (let c = r + 1; c < d; c++) sum -= M[r][c] * s[c];
    s[r] = sum / M[r][r];
  }
  return w.map((wi, j) => wi - s[j]);
}
`,
};

/** Wrong implementations, by task id: each a mistake a plot makes visible. */
export const wrong: Readonly<Record<string, string>> = {
  // σ(−z): the sign of the exponent flipped.
  sigmoid: `import type { Vector } from './lab';
export function sigmoid(z: Vector): Vector {
  return z.map((zi) => 1 / (1 + Math.exp(zi)));
}
`,
  // No clipping: Infinity at p = 0 (y = 1), and 0·log 0 = NaN at p = 1.
  'bce-loss': `import type { Vector } from './lab';
export function bceLoss(y: Vector, p: Vector): number {
  let total = 0;
  for (let i = 0; i < y.length; i++) total -= y[i] * Math.log(p[i]) + (1 - y[i]) * Math.log(1 - p[i]);
  return total / y.length;
}
`,
  // The residual y − p: the gradient points uphill.
  'loss-and-grad': `import { sigmoid } from './01-sigmoid';
import { bceLoss } from './02-bce-loss';
import { type Matrix, matTVec, matVec, type Vector } from './lab';
export function lossAndGrad(X: Matrix, y: Vector, w: Vector): { loss: number; grad: Vector } {
  const p = sigmoid(matVec(X, w));
  const grad = matTVec(X, p.map((pi, i) => y[i] - pi)).map((g) => g / X.length);
  return { loss: bceLoss(y, p), grad };
}
`,
  // A forward difference: error O(eps), its V bottoms out near 1e−8 instead of 1e−5.
  'numerical-grad': `import type { Vector } from './lab';
export function numericalGrad(f: (w: Vector) => number, w: Vector, eps = 1e-5): Vector {
  const f0 = f(w);
  return w.map((_, i) => {
    const plus = [...w];
    plus[i] += eps;
    return (f(plus) - f0) / eps;
  });
}
`,
  // The 1/n forgotten: curvature n times too large.
  hvp: `import { sigmoid } from './01-sigmoid';
import { type Matrix, matTVec, matVec, type Vector } from './lab';
export function hvp(X: Matrix, y: Vector, w: Vector, v: Vector): Vector {
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  return matTVec(X, p.map((pi, i) => pi * (1 - pi) * Xv[i]));
}
`,
  // The residual p − y where p(1 − p) belongs: an "H" that is not positive semidefinite.
  psd: `import { sigmoid } from './01-sigmoid';
import { dot, type Matrix, matTVec, matVec, type Vector } from './lab';
export function vHv(X: Matrix, y: Vector, w: Vector, v: Vector): number {
  const p = sigmoid(matVec(X, w));
  const Xv = matVec(X, v);
  return dot(v, matTVec(X, p.map((pi, i) => (pi - y[i]) * Xv[i])).map((x) => x / X.length));
}
`,
  // Gradient ascent.
  'gd-step': `import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';
export function gdStep(X: Matrix, y: Vector, w: Vector, lr: number): Vector {
  const { grad } = lossAndGrad(X, y, w);
  return w.map((wi, j) => wi + lr * grad[j]);
}
`,
  // A plain gradient step (H taken as the identity): linear convergence, not quadratic.
  'newton-step': `import { lossAndGrad } from './03-loss-and-grad';
import type { Matrix, Vector } from './lab';
export function newtonStep(X: Matrix, y: Vector, w: Vector): Vector {
  const { grad } = lossAndGrad(X, y, w);
  return w.map((wi, j) => wi - grad[j]);
}
`,
};

/** A temporary workspace with lab.ts, every correct task file, and `files` over them. */
export function workspace(files: Readonly<Record<string, string>> = {}): string {
  const dir = tempDir('logreg-plot-');
  for (const [name, text] of Object.entries({ 'lab.ts': lab, ...correct, ...files })) {
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** A workspace where task `id` holds its wrong variant. */
export function wrongWorkspace(id: string): string {
  const file = task(id).file;
  const source = wrong[id];
  if (!source) throw new Error(`No wrong variant of \`${id}\``);
  return workspace({ [file]: source });
}

/** The course as `plotCommand` reads it: the intro and the eight tasks, with titles. */
export function plotCourse(): PlotCourse {
  return {
    lessons: [
      { kind: 'intro', id: 'dataset', title: 'Synthetic dataset' },
      ...Object.values(tasks).map((entry) => ({
        ...entry,
        kind: 'task' as const,
        title: `Task ${entry.id}`,
      })),
    ],
  };
}
