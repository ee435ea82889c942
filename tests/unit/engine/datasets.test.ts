import { describe, expect, it } from 'vitest';
import { copyOfData, createRandom, makeData } from '../../../src/engine/datasets.js';
import { matVec } from '../../../src/engine/logistic.js';

describe('makeData', () => {
  it('is reproducible from its seed and differs across seeds', () => {
    expect(makeData({ seed: 3 })).toEqual(makeData({ seed: 3 }));
    expect(makeData({ seed: 3 }).X[0]).not.toEqual(makeData({ seed: 4 }).X[0]);
  });

  it('has the notebook shapes: X is 400×5, y holds 0/1 labels', () => {
    const { X, y, wTrue } = makeData();
    expect(X).toHaveLength(400);
    expect(X.every((row) => row.length === 5)).toBe(true);
    expect(wTrue).toHaveLength(5);
    expect(y.every((label) => label === 0 || label === 1)).toBe(true);
  });

  it('separable labels are exactly the sign of X·w_true; non-separable ones are not', () => {
    const separable = makeData({ separable: true, seed: 1 });
    const logits = matVec(separable.X, separable.wTrue);
    expect(separable.y).toEqual(logits.map((z) => (z > 0 ? 1 : 0)));
    const noisy = makeData({ separable: false, seed: 1 });
    const noisyLogits = matVec(noisy.X, noisy.wTrue);
    const disagreements = noisy.y.filter(
      (label, i) => label !== ((noisyLogits[i] ?? 0) > 0 ? 1 : 0),
    ).length;
    expect(disagreements).toBeGreaterThan(10);
  });

  it('draws normals with mean ≈ 0 and variance ≈ 1', () => {
    const sample = createRandom(7).normals(20_000);
    const mean = sample.reduce((a, b) => a + b, 0) / sample.length;
    const variance = sample.reduce((a, b) => a + (b - mean) ** 2, 0) / sample.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });
});

describe('createRandom', () => {
  it('starts well even from small seeds (no outlier first draw)', () => {
    for (const seed of [0, 1, 2, 3, 7, 100]) {
      const first = createRandom(seed).normals(10);
      expect(Math.max(...first.map(Math.abs)), `seed ${seed}`).toBeLessThan(4);
    }
  });
});

describe('copyOfData', () => {
  const options = { n: 30, d: 4, separable: false, seed: 12 };

  it('is makeData, and a copy: changing one leaves the next as made', () => {
    const first = copyOfData(options);
    expect(first).toEqual(makeData(options));
    const row = first.X[0] ?? [];
    row[0] = 99;
    first.X.push([1, 2, 3, 4]);
    first.y[0] = 7;
    const second = copyOfData(options);
    expect(second).toEqual(makeData(options));
    expect(second.X[0]).not.toBe(first.X[0]);
  });

  it('keeps telling datasets apart by every option', () => {
    for (const other of [
      { ...options, n: 31 },
      { ...options, d: 5 },
      { ...options, separable: true },
      { ...options, seed: 13 },
    ]) {
      expect(copyOfData(other)).toEqual(makeData(other));
    }
    expect(copyOfData(options)).toEqual(makeData(options));
  });
});
