// What the tutor sends the sandbox for an argument: JSON, plus the numbers JSON cannot carry
// (NaN, ±Infinity, −0) by their path, so the sandbox rebuilds exactly the value the check meant.
import { describe, expect, it } from 'vitest';
import { toWire, type WireArgument } from '../../../src/engine/wire.js';

type Sent = Extract<WireArgument, { json: string }>;

/** toWire's answer for a value (never a handle: only the sandbox side holds those). */
function sent(value: unknown): Sent {
  const wire = toWire(value);
  if (!('json' in wire)) throw new Error('a value was sent as a handle');
  return wire;
}

/** What realm.js does with a wire argument: parse, then put each special number back. */
function rebuild(wire: Sent): unknown {
  const names: Record<string, number> = {
    NaN: Number.NaN,
    Infinity: Number.POSITIVE_INFINITY,
    '-Infinity': Number.NEGATIVE_INFINITY,
    '-0': -0,
  };
  let value = JSON.parse(wire.json);
  for (const [path, name] of wire.special) {
    if (path.length === 0) {
      value = names[name];
      continue;
    }
    let parent = value;
    for (const key of path.slice(0, -1)) parent = parent[key];
    parent[path[path.length - 1] as string | number] = names[name];
  }
  return value;
}

describe('toWire', () => {
  it('names every special number by its own path, at any depth', () => {
    const X = [
      [1, Number.NaN],
      [-0, 2],
      [3, Number.NEGATIVE_INFINITY],
    ];
    const wire = sent({ X, w: [Number.POSITIVE_INFINITY, 0.5], k: -0 });
    expect(wire.special).toEqual([
      [['X', 0, 1], 'NaN'],
      [['X', 1, 0], '-0'],
      [['X', 2, 1], '-Infinity'],
      [['w', 0], 'Infinity'],
      [['k'], '-0'],
    ]);
    expect(rebuild(wire)).toEqual({ X, w: [Number.POSITIVE_INFINITY, 0.5], k: -0 });
    expect(Object.is((rebuild(wire) as { k: number }).k, -0)).toBe(true);
  });

  it('sends a Float64Array as its numbers, and a lone special number by the empty path', () => {
    expect(rebuild(sent(new Float64Array([1, -0, Number.NaN])))).toEqual([1, -0, Number.NaN]);
    const lone = sent(Number.NaN);
    expect(lone.special).toEqual([[[], 'NaN']]);
    expect(rebuild(lone)).toBeNaN();
  });

  it('leaves the value it was given as it was', () => {
    const rows = [new Float64Array([1, 2]), [3, -0]];
    sent(rows);
    expect(rows[0]).toBeInstanceOf(Float64Array);
    expect(Object.is(rows[1]?.[1], -0)).toBe(true);
  });
});
