// Packing must be invisible: whatever crosses the sandbox boundary comes out as it went in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pack, unpack } from '../../../src/engine/packing.js';

describe('pack and unpack', () => {
  it('round-trip any JSON-like data with numbers, including NaN, ±Infinity and −0', () => {
    const number = fc.oneof(fc.double(), fc.constantFrom(Number.NaN, -0, Number.POSITIVE_INFINITY));
    const data = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        number,
        fc.string(),
        fc.boolean(),
        fc.constant(null),
        fc.array(number),
        fc.array(fc.array(number)),
        fc.array(tie('value')),
        fc.dictionary(fc.string(), tie('value')),
      ),
    })).value;
    fc.assert(
      fc.property(data, (value) => {
        expect(unpack(structuredClone(pack(value)))).toEqual(value);
      }),
      { seed: 7 },
    );
  });

  it('keeps −0 and NaN exactly', () => {
    const [a, b] = unpack(structuredClone(pack([-0, Number.NaN]))) as number[];
    expect(Object.is(a, -0)).toBe(true);
    expect(b).toBeNaN();
  });

  it('sends numeric vectors and rows as typed arrays', () => {
    expect(pack([1, 2])).toMatchObject({ __logregPacked: 'vector' });
    expect(pack([[1], [2, 3]])).toMatchObject({ __logregPacked: 'rows' });
    expect(pack([1, 'a'])).toEqual([1, 'a']);
  });

  it('keeps Float64Arrays as Float64Arrays, and describes what cannot be cloned', () => {
    expect(unpack(pack(new Float64Array([1, 2])))).toEqual(new Float64Array([1, 2]));
    expect(pack(() => 1)).toEqual({ unclonable: 'function' });
    expect(pack(Promise.resolve(1))).toEqual({ unclonable: 'promise' });
  });
});
