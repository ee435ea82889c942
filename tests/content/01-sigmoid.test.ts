// Task 1.1 (sigmoid) as students will meet it: the starter is "not implemented", the reference
// passes, every named mistake is caught and named, and differently written correct files pass.
import { describe, expect, it } from 'vitest';
import {
  itCatches,
  itPasses,
  itStarterAndSolution,
  type Right,
  studentFile,
  type Wrong,
} from '../helpers/content.js';
import { checkSource } from '../helpers/workspace.js';

const id = 'sigmoid';
const names = {
  same: 'the same z gives the same σ on every call',
  shape: 'one σ per entry of z',
  values: 'σ(z) correct for −30 ≤ z ≤ 30',
  noNaN: 'no NaN at z = ±1000, ±1e308',
  tails: 'accurate tails: −700 ≤ z ≤ 700',
  subnormal: 'subnormal tail: −745 < z < −709',
  monotonic: '0 ≤ σ ≤ 1 and monotonic',
  symmetric: 'σ(−z) = 1 − σ(z)',
  args: 'leaves its arguments as they were',
};
const everyCheck = Object.values(names);
/** Every check but the one of arguments changed in place, which only that mistake fails. */
const all = everyCheck.filter((name) => name !== names.args);

/** A whole student file exporting `sigmoid`. */
const file = (body: string) => studentFile("import type { Vector } from './lab';\n", body);

describe('01-sigmoid', () => {
  itStarterAndSolution(id, '01-sigmoid', names);

  const wrong: Wrong[] = [
    {
      name: 'the naive e^z/(1 + e^z) (NaN above z = 709)',
      source: file(`export function sigmoid(z: Vector): Vector {
  return z.map((zi) => Math.exp(zi) / (1 + Math.exp(zi)));
}`),
      fails: [
        { name: names.noNaN, mistake: 'naive-overflow' },
        { name: names.monotonic, mistake: 'naive-overflow' },
      ],
    },
    {
      name: 'the branch with the two formulas swapped (NaN at +1000)',
      source: file(`export function sigmoid(z: Vector): Vector {
  return z.map((zi) => (zi >= 0 ? Math.exp(zi) / (1 + Math.exp(zi)) : 1 / (1 + Math.exp(-zi))));
}`),
      fails: [
        { name: names.noNaN, mistake: 'naive-overflow' },
        { name: names.subnormal, mistake: undefined },
        { name: names.monotonic, mistake: 'naive-overflow' },
      ],
    },
    {
      name: '1 − 1/(1 + e^z) for z < 0 (cancellation)',
      source: file(`export function sigmoid(z: Vector): Vector {
  return z.map((zi) => (zi >= 0 ? 1 / (1 + Math.exp(-zi)) : 1 - 1 / (1 + Math.exp(zi))));
}`),
      fails: [
        { name: names.values, mistake: 'zero-tail' },
        { name: names.tails, mistake: 'zero-tail' },
        { name: names.subnormal, mistake: undefined },
      ],
    },
    {
      name: '½(1 + tanh(z/2)) (cancellation)',
      source: file(`export function sigmoid(z: Vector): Vector {
  return z.map((zi) => 0.5 * (1 + Math.tanh(zi / 2)));
}`),
      fails: [
        { name: names.values, mistake: 'zero-tail' },
        { name: names.tails, mistake: 'zero-tail' },
        { name: names.subnormal, mistake: undefined },
      ],
    },
    {
      name: 'z clamped to [−500, 500]',
      source: file(`export function sigmoid(z: Vector): Vector {
  return z.map((zi) => {
    const c = Math.min(Math.max(zi, -500), 500);
    return c >= 0 ? 1 / (1 + Math.exp(-c)) : Math.exp(c) / (1 + Math.exp(c));
  });
}`),
      fails: [
        { name: names.tails, mistake: 'clamps' },
        { name: names.subnormal, mistake: 'clamps' },
      ],
    },
    {
      name: 'σ(z) clipped to [1e-15, 1 − 1e-15]',
      source: file(`const eps = 1e-15;
export function sigmoid(z: Vector): Vector {
  return z.map((zi) => {
    const p = zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi));
    return Math.min(Math.max(p, eps), 1 - eps);
  });
}`),
      fails: [
        { name: names.tails, mistake: 'clamps' },
        { name: names.subnormal, mistake: 'clamps' },
      ],
    },
    {
      name: 'σ(−z) instead of σ(z)',
      source: file(`export function sigmoid(z: Vector): Vector {
  return z.map((zi) => (zi >= 0 ? Math.exp(-zi) / (1 + Math.exp(-zi)) : 1 / (1 + Math.exp(zi))));
}`),
      fails: [
        { name: names.values, mistake: 'sign-flipped' },
        { name: names.noNaN, mistake: 'sign-flipped' },
        { name: names.tails, mistake: 'sign-flipped' },
        { name: names.subnormal, mistake: undefined },
        { name: names.monotonic, mistake: undefined },
      ],
    },
    {
      name: 'results rounded with toFixed(6)',
      source: file(`export function sigmoid(z: Vector): Vector {
  return z.map((zi) => Number((1 / (1 + Math.exp(-zi))).toFixed(6)));
}`),
      fails: [
        { name: names.values, mistake: 'rounds' },
        { name: names.tails, mistake: 'rounds' },
        { name: names.subnormal, mistake: undefined },
      ],
    },
    {
      name: 'strings from toFixed',
      source: file(`export function sigmoid(z: Vector): Vector {
  return z.map((zi) => (1 / (1 + Math.exp(-zi))).toFixed(8) as unknown as number);
}`),
      // The shape check fails on sigmoid([0]), whose "0.50000000" has lost no digit: strings,
      // but nothing there shows the rounding.
      fails: all.map((name) => ({
        name,
        mistake: name === names.shape ? undefined : 'rounds',
      })),
    },
    {
      name: 'hard 0/1 labels from Math.round',
      source: file(`export function sigmoid(z: Vector): Vector {
  return z.map((zi) => Math.round(1 / (1 + Math.exp(-zi))));
}`),
      fails: [
        { name: names.values, mistake: 'rounds' },
        { name: names.tails, mistake: 'rounds' },
        { name: names.subnormal, mistake: undefined },
      ],
    },
    {
      name: 'a σ for one number',
      source: `export function sigmoid(z: any): any {\n  return 1 / (1 + Math.exp(-z));\n}\n`,
      fails: all.map((name) => ({ name, mistake: 'returns-scalar' })),
    },
    {
      name: 'z overwritten in place',
      source: file(`export function sigmoid(z: Vector): Vector {
  for (let i = 0; i < z.length; i++) z[i] = 1 / (1 + Math.exp(-z[i]));
  return z;
}`),
      fails: everyCheck.map((name) => ({ name, mistake: 'mutates-argument' })),
    },
    {
      name: 'an async sigmoid',
      source: file(`export async function sigmoid(z: Vector): Promise<Vector> {
  return z.map((zi) => 1 / (1 + Math.exp(-zi)));
}`),
      fails: everyCheck.map((name) => ({ name, mistake: 'returns-promise' })),
    },
    {
      name: 'one value too many (i <= z.length)',
      source: file(`export function sigmoid(z: Vector): Vector {
  const out: Vector = [];
  for (let i = 0; i <= z.length; i++) out.push(1 / (1 + Math.exp(-(z[i] ?? 0))));
  return out;
}`),
      fails: all.map((name) => ({ name, mistake: 'wrong-length' })),
    },
    {
      name: 'plain 1/(1 + e^−z): 0 below z ≈ −709.78, where σ(z) is still a subnormal double',
      source: file(`export function sigmoid(z: Vector): Vector {
  return z.map((zi) => 1 / (1 + Math.exp(-zi)));
}`),
      fails: [{ name: names.subnormal, mistake: undefined }],
    },
  ];

  itCatches(id, wrong);

  it('does not call full-precision strings rounded', async () => {
    const result = await checkSource(
      id,
      file(`export function sigmoid(z: Vector): Vector {
  return z.map((zi) => String(zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi)))) as unknown as Vector;
}`),
    );
    const failed = result.checks.filter((check) => !check.passed);
    expect(failed.map((check) => check.name)).toEqual(all);
    for (const check of failed) {
      expect(check.mistake).toBeUndefined();
      expect(check.message).toContain('The values are right, but they came back as strings');
      expect(check.message).not.toMatch(/toFixed|Rounded/);
    }
  });

  it('says what cancellation costs without claiming where this file loses digits', async () => {
    // Cancels only for −20 < z < 0; exact in the tail, so "below z ≈ −37 comes back as 0" is false.
    const result = await checkSource(
      id,
      file(`export function sigmoid(z: Vector): Vector {
  return z.map((zi) => {
    if (Math.abs(zi) < 20) return 0.5 * (1 + Math.tanh(zi / 2));
    return zi >= 0 ? 1 / (1 + Math.exp(-zi)) : Math.exp(zi) / (1 + Math.exp(zi));
  });
}`),
    );
    const named = result.checks.filter((check) => check.mistake === 'zero-tail');
    expect(named.length).toBeGreaterThan(0);
    for (const check of named) {
      expect(check.message).not.toMatch(/−37|3 correct digits/);
      expect(check.message).toMatch(/for z from -\d/);
    }
  });

  const correct: Right[] = [
    {
      name: 'a loop into a Float64Array, branching on z > 0',
      source: `import type { Vector } from './lab';

export function sigmoid(z: Vector): Float64Array {
  const out = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) {
    const zi = z[i];
    if (zi > 0) {
      out[i] = 1 / (1 + Math.exp(-zi));
    } else {
      const e = Math.exp(zi);
      out[i] = e / (1 + e);
    }
  }
  return out;
}
`,
    },
    {
      name: 'the e^−|z| trick with a helper',
      source: file(`function sigmoidOne(x: number): number {
  const e = Math.exp(-Math.abs(x));
  return x >= 0 ? 1 / (1 + e) : e / (1 + e);
}

export function sigmoid(z: Vector): Vector {
  return Array.from(z, sigmoidOne);
}`),
    },
    {
      name: 'Math.pow(Math.E, …) and for…of',
      source: file(`export function sigmoid(z: Vector): Vector {
  const result: number[] = [];
  for (const x of z) {
    result.push(x < 0 ? Math.pow(Math.E, x) / (1 + Math.pow(Math.E, x)) : 1 / (1 + Math.pow(Math.E, -x)));
  }
  return result;
}`),
    },
  ];

  itPasses(id, correct);

  it('never says a function that answers 0.5 to everything remembers earlier calls', async () => {
    // It answers two z of the same length alike, as a cache would; but it remembers nothing.
    const constant = `import type { Vector } from './lab';
export function sigmoid(z: Vector): Vector {
  return z.map(() => 0.5);
}
`;
    const result = await checkSource(id, constant);
    expect(result.status).toBe('fail');
    const messages = result.checks.map((check) => check.message ?? '').join('\n');
    expect(messages).not.toMatch(/remembers|kept from an earlier call|keeps something/);
  });
});
