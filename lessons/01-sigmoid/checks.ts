// Hidden checks of task 1.1 (`sigmoid`): values against the oracle across the whole range, the
// overflow and cancellation traps in both tails, and the properties the notebook checked.
import fc from 'fast-check';
import {
  asVector,
  type CheckContext,
  close,
  defineChecks,
  type Returned,
} from '../../src/engine/check-kit.js';
import { createRandom } from '../../src/engine/datasets.js';
import { describeValue, formatExact, formatNumber, formatVector } from '../../src/engine/format.js';
import { sigmoid as reference } from '../../src/engine/logistic.js';

/** Relative tolerance of the value checks: a few ulps of any correct formula pass, clamps do not. */
const rel = 1e-12;

/** The student's σ(z) as a vector of z.length numbers, naming the scalar and rounding mistakes. */
function readSigmoid(t: CheckContext, returned: Returned, z: readonly number[]): number[] {
  const { value } = returned;
  if (typeof value === 'number') {
    t.fail({
      tried: returned.tried,
      expected: `a vector of ${z.length} ${z.length === 1 ? 'probability' : 'probabilities'}, one per entry of z`,
      got: `the single number ${formatNumber(value)}`,
      mistake: 'returns-scalar',
    });
  }
  if (Array.isArray(value) && value.some((x) => typeof x === 'string')) {
    t.fail({
      tried: returned.tried,
      expected: `a vector of ${z.length} numbers`,
      got: describeValue(value),
      mistake: 'rounds',
      note: '`toFixed` returns a string: return the number itself.',
    });
  }
  return asVector(t, returned, z.length, 'a vector of probabilities');
}

/** True when `x` has at most 10 decimals, as toFixed/Math.round leave it. */
function looksRounded(x: number): boolean {
  for (let digits = 0; digits <= 10; digits++) if (Number(x.toFixed(digits)) === x) return true;
  return false;
}

/** The named mistake that explains σ(z) coming back as `got` instead of `expected`, if any. */
function diagnose(z: number, got: number, expected: number): string | undefined {
  if (Number.isNaN(got)) return z > 709 ? 'naive-overflow' : undefined;
  if (close(got, reference(-z), 1e-9) && !close(expected, reference(-z), 1e-9)) {
    return 'sign-flipped';
  }
  // 1 − (something ≈ 1) keeps only the absolute precision of 1: the tail is noise, then 0.
  if (z < 0 && got >= 0 && Math.abs(got - expected) <= 4 * Number.EPSILON) return 'zero-tail';
  // A hard 0/1 where σ is clearly in between is a label, not a probability.
  if ((got === 0 || got === 1) && expected > 1e-3 && expected < 1 - 1e-3) return 'rounds';
  if (looksRounded(got) && !looksRounded(expected)) return 'rounds';
  return undefined;
}

/** When several points fail for different reasons, the reason to name first. */
const priority = ['naive-overflow', 'sign-flipped', 'rounds', 'zero-tail'];

/** 1e-12 relative, shown as the student would read it. */
const tolerance = `(to ${formatNumber(rel)} relative)`;

/** Compares a whole batch; fails on a small, concrete call made of the worst offenders. */
async function compareBatch(t: CheckContext, z: readonly number[], what: string): Promise<void> {
  const got = readSigmoid(t, await t.call([z], { tried: `sigmoid(z) for ${what}` }), z);
  const bad = z
    .map((zi, i) => ({ z: zi, got: got[i] ?? Number.NaN, expected: reference(zi) }))
    .filter((point) => !close(point.got, point.expected, rel));
  if (bad.length === 0) return;

  // The failing z closest to 0 shows where the trouble starts; the most extreme, how far it
  // goes. Values one can type (a few digits) are preferred, so the call can be redone by hand.
  const typeable = bad.filter((point) => Number(point.z.toPrecision(6)) === point.z);
  const byMagnitude = (typeable.length > 0 ? typeable : bad).sort(
    (a, b) => Math.abs(a.z) - Math.abs(b.z),
  );
  const first = byMagnitude[0];
  const last = byMagnitude[byMagnitude.length - 1];
  if (!first || !last) return;
  const shown = first.z === last.z ? [first.z] : [first.z, last.z];
  const single = readSigmoid(t, await t.call([shown]), shown);
  const expected = shown.map(reference);
  const offAlone = expected.some((e, i) => !close(single[i] ?? Number.NaN, e, rel));
  const tried = offAlone
    ? `sigmoid(${formatVector(shown)})`
    : `sigmoid(z) for ${what}, at z = ${shown.map(formatNumber).join(' and ')}`;
  const gotValues = offAlone ? single : shown.map((zi) => bad.find((p) => p.z === zi)?.got ?? 0);
  // Six digits can hide a difference of 1e-10: then show every digit.
  const hidden = gotValues.some(
    (g, i) => g !== expected[i] && formatNumber(g) === formatNumber(expected[i] ?? 0),
  );
  const show = (v: readonly number[]) =>
    hidden ? formatVector(v, 8, formatExact) : formatVector(v);

  // A clamp shows as the same nonzero value at several different z: a plateau.
  const tailValues = new Set(bad.filter((p) => p.z < -30 && p.got > 0).map((p) => p.got));
  const plateau = tailValues.size === 1 && bad.filter((p) => p.z < -30).length >= 2;
  const found = new Set(bad.map((point) => diagnose(point.z, point.got, point.expected)));
  const mistake = plateau ? 'clamps' : priority.find((candidate) => found.has(candidate));

  t.fail({
    tried,
    expected: `${show(expected)} ${tolerance}`,
    got: show(gotValues),
    mistake,
    note:
      bad.length > shown.length
        ? `${bad.length} of the ${z.length} values are off, for z from ${formatNumber(first.z)} to ${formatNumber(last.z)}.`
        : undefined,
  });
}

/** `count` evenly spaced points from `from` to `to`, then a few seeded random ones. */
function sweep(from: number, to: number, count: number, seed: number, extra: number): number[] {
  const random = createRandom(seed);
  const even = Array.from({ length: count }, (_, i) => from + ((to - from) * i) / (count - 1));
  const scattered = Array.from({ length: extra }, () => from + (to - from) * random.uniform());
  return [...even, ...scattered];
}

/** Logits with at most two decimals in [−limit, limit]: a failing call can be typed back in. */
const typeableZ = (limit: number) =>
  fc.integer({ min: -100 * limit, max: 100 * limit }).map((k) => k / 100);

/** Sorted logits from −800 to 800, with the notebook's example among them. */
const sortedSweep = [...sweep(-800, 800, 321, 7, 0), -1000, -10, 10, 1000].sort((a, b) => a - b);

/** The first way σ fails to be a probability increasing in z, or undefined. */
function findDisorder(
  got: readonly number[],
): { index: number; kind: 'range' | 'dip' } | undefined {
  const outside = got.findIndex((p) => !(p >= 0 && p <= 1));
  if (outside !== -1) return { index: outside, kind: 'range' };
  // A correct σ may wobble by an ulp where rounding ties; anything larger is a real dip.
  const dip = got.findIndex((p, i) => i > 0 && p < (got[i - 1] ?? 0) * (1 - 4 * Number.EPSILON));
  return dip === -1 ? undefined : { index: dip, kind: 'dip' };
}

/** Fails if σ on the sorted `z` leaves [0, 1] or decreases, on the smallest call that shows it. */
async function expectOrdered(t: CheckContext, z: readonly number[]): Promise<void> {
  const returned = await t.call([z]);
  const got = readSigmoid(t, returned, z);
  const found = findDisorder(got);
  if (!found) return;
  // Redo the call on just the offending values, so the message shows a call one can type.
  const culprits =
    found.kind === 'range' ? [z[found.index] ?? 0] : [z[found.index - 1] ?? 0, z[found.index] ?? 0];
  if (z.length > culprits.length) {
    const small = readSigmoid(t, await t.call([culprits]), culprits);
    if (findDisorder(small)) return expectOrdered(t, culprits);
  }
  if (found.kind === 'range') {
    const zi = z[found.index] ?? 0;
    const pi = got[found.index] ?? Number.NaN;
    t.fail({
      tried: returned.tried,
      expected: 'every value in [0, 1]',
      got: `σ(${formatNumber(zi)}) = ${formatNumber(pi)}${z.length > 1 ? ` in ${formatVector(got)}` : ''}`,
      mistake: diagnose(zi, pi, reference(zi)),
    });
  }
  const [za, zb] = [z[found.index - 1] ?? 0, z[found.index] ?? 0];
  const [pa, pb] = [got[found.index - 1] ?? 0, got[found.index] ?? 0];
  t.fail({
    tried: returned.tried,
    expected: `σ(${formatNumber(za)}) ≤ σ(${formatNumber(zb)}), since ${formatNumber(za)} ≤ ${formatNumber(zb)}`,
    got: `σ(${formatNumber(za)}) = ${formatNumber(pa)} > σ(${formatNumber(zb)}) = ${formatNumber(pb)}`,
    mistake: diagnose(zb, pb, reference(zb)) ?? diagnose(za, pa, reference(za)),
  });
}

/** Absolute, not relative: 1 − σ(30) ≈ 9.4e−14 is itself computed with an error of ~1e−16. */
const symmetryTolerance = 1e-15;

/** Fails unless σ(−zᵢ) = 1 − σ(zᵢ) for every zᵢ, on the smallest call that shows it. */
async function expectSymmetric(t: CheckContext, z: readonly number[]): Promise<void> {
  // −0 would print as 0 and read as a repeated value; 0 says the same.
  const both = [...z, ...z.map((zi) => (zi === 0 ? 0 : -zi))];
  const returned = await t.call([both], {
    tried:
      both.length > 12
        ? `sigmoid([...z, ...−z]) for ${z.length} values of z`
        : `sigmoid(${formatVector(both, 12)})`,
  });
  const got = readSigmoid(t, returned, both);
  const index = z.findIndex((_, i) => {
    const plus = got[i] ?? Number.NaN;
    const minus = got[i + z.length] ?? Number.NaN;
    return !(Math.abs(minus - (1 - plus)) <= symmetryTolerance);
  });
  if (index === -1) return;
  const zi = z[index] ?? 0;
  if (z.length > 1) {
    const pair = [zi, zi === 0 ? 0 : -zi];
    const small = readSigmoid(t, await t.call([pair]), pair);
    if (
      !(Math.abs((small[1] ?? Number.NaN) - (1 - (small[0] ?? Number.NaN))) <= symmetryTolerance)
    ) {
      return expectSymmetric(t, [zi]);
    }
  }
  const plus = got[index] ?? Number.NaN;
  const minus = got[index + z.length] ?? Number.NaN;
  t.fail({
    tried: returned.tried,
    expected:
      zi === 0
        ? 'σ(0) = 1 − σ(0), that is σ(0) = 0.5'
        : `σ(${formatNumber(-zi)}) = 1 − σ(${formatNumber(zi)}) = ${formatNumber(1 - plus)} (to ${formatNumber(symmetryTolerance)})`,
    got:
      zi === 0
        ? `σ(0) = ${formatNumber(plus)}`
        : `σ(${formatNumber(-zi)}) = ${formatNumber(minus)}, σ(${formatNumber(zi)}) = ${formatNumber(plus)}`,
    mistake: diagnose(-zi, minus, reference(-zi)) ?? diagnose(zi, plus, reference(zi)),
  });
}

export default defineChecks([
  {
    name: 'one σ per entry of z',
    async run(t) {
      for (const z of [[0], [-1, 0, 1], [3, -2, 0.5, 7, -7, 0.25, 1.5]])
        readSigmoid(t, await t.call([z]), z);
    },
  },
  {
    name: 'σ(z) correct for −30 ≤ z ≤ 30',
    async run(t) {
      // Small, readable values first, so a wrong formula fails on a call the student can redo.
      const small = [0, 1, -1, 2, -2, 0.5, -0.5, 5, -5, 10, -10];
      await compareBatch(t, small, formatVector(small));
      await compareBatch(t, sweep(-30, 30, 241, t.seed, 100), '341 values of z from −30 to 30');
    },
  },
  {
    name: 'no NaN at z = ±1000, ±1e308',
    async run(t) {
      const z = [-1e308, -1000, 1000, 1e308];
      const returned = await t.call([z]);
      const got = readSigmoid(t, returned, z);
      const index = got.findIndex(
        (p, i) => !(p >= 0 && p <= 1 && close(p, reference(z[i] ?? 0), 0, 1e-12)),
      );
      if (index === -1) return;
      const zi = z[index] ?? 0;
      const pi = got[index] ?? Number.NaN;
      t.fail({
        tried: returned.tried,
        expected: `${formatVector(z.map(reference))}: 0 far left, 1 far right`,
        got: formatVector(got),
        mistake: diagnose(zi, pi, reference(zi)),
        note: `σ(${formatNumber(zi)}) came back ${formatNumber(pi)}.`,
      });
    },
  },
  {
    name: 'accurate tails: −700 ≤ z ≤ 700',
    async run(t) {
      await compareBatch(
        t,
        sweep(-700, 700, 1401, t.seed, 200),
        '1601 values of z from −700 to 700',
      );
    },
  },
  {
    name: '0 ≤ σ ≤ 1 and monotonic',
    async run(t) {
      const sorted = fc
        .array(typeableZ(800), { minLength: 2, maxLength: 20 })
        .map((z) => [...z].sort((a, b) => a - b));
      await t.property(sorted, (z) => expectOrdered(t, z), {
        numRuns: 15,
        examples: [[-1000, -10, 0, 10, 1000], sortedSweep],
      });
    },
  },
  {
    name: 'σ(−z) = 1 − σ(z)',
    async run(t) {
      const z = fc.array(typeableZ(700), { minLength: 1, maxLength: 10 });
      await t.property(z, (values) => expectSymmetric(t, values), {
        numRuns: 15,
        examples: [[1, 30], sweep(-700, 700, 1401, t.seed, 200)],
      });
    },
  },
]);
