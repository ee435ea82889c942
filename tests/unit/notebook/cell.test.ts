import { describe, expect, it } from 'vitest';
import { compare, numbersOf, printed, roundingTolerance } from '../../../src/notebook/cell.js';

describe('numbersOf', () => {
  it('reads number[] and Float64Array, nothing else', () => {
    expect(numbersOf([1, 2])).toEqual([1, 2]);
    expect(numbersOf(Float64Array.of(1, 2))).toEqual([1, 2]);
    expect(numbersOf([1, '2'])).toBeUndefined();
    expect(numbersOf([[1]])).toBeUndefined();
    expect(numbersOf(3)).toBeUndefined();
  });
});

describe('compare', () => {
  it('matches up to rounding, and prints every digit', () => {
    expect(compare(0.1 + 0.2, 0.3, roundingTolerance)).toEqual({
      value: '0.30000000000000004',
      matches: true,
    });
    expect(compare(0.31, 0.3, roundingTolerance)).toEqual({ value: '0.31', matches: false });
  });

  it('a NaN, a wrong length or something unreadable never matches', () => {
    expect(compare([0, Number.NaN], [0, 1], roundingTolerance).matches).toBe(false);
    expect(compare([0], [0, 1], roundingTolerance).matches).toBe(false);
    expect(compare('x', 1, roundingTolerance)).toEqual({
      value: 'the string "x"',
      matches: false,
    });
  });

  it('prints vectors whole up to 8 values', () => {
    expect(printed([0, 4.5e-5, 1])).toBe('[0, 0.000045, 1]');
    expect(printed(Array.from({ length: 10 }, (_, i) => i))).toMatch(/…, 8, 9\] \(10 values\)$/);
  });
});
