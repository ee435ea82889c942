import { describe, expect, it } from 'vitest';
import { describeValue, formatNumber, formatVector } from '../../../src/engine/format.js';

describe('format', () => {
  it('writes numbers as a student would', () => {
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(4.5397868702434395e-5)).toBe('4.5398e-5');
    expect(formatNumber(9.8597e-305)).toBe('9.8597e-305');
    expect(formatNumber(1e308)).toBe('1e308');
    expect(formatNumber(-1000)).toBe('-1000');
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatNumber(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
  });

  it('elides long vectors', () => {
    expect(formatVector([1, 2, 3])).toBe('[1, 2, 3]');
    expect(formatVector(Array.from({ length: 400 }, (_, i) => i))).toBe(
      '[0, 1, 2, 3, 4, 5, …, 398, 399] (400 values)',
    );
  });

  it('describes what came back', () => {
    expect(describeValue(undefined)).toMatch(/is a `return` missing/);
    expect(
      describeValue([
        [1, 2],
        [3, 4],
      ]),
    ).toBe('a 2×2 matrix (a list of rows)');
    expect(describeValue({ loss: 1 })).toBe('an object with keys `loss`');
    expect(describeValue(new Float64Array([1, 2]))).toBe('Float64Array [1, 2]');
  });
});
