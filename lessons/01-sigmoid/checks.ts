// Hidden checks of task 1.1 (`sigmoid`): values against the oracle across the whole range, dense
// in every band (around 0, the tails, the subnormal tail below −709), the properties the
// notebook checked, and the same answer for the same z on every call.
import fc from 'fast-check';
import {
  asVector,
  type CheckContext,
  close,
  defineChecks,
  type Returned,
} from '../../src/engine/check-kit.js';
import { createRandom } from '../../src/engine/datasets.js';
import {
  describeValue,
  formatApart,
  formatDifference,
  formatNumber,
  formatVector,
  formatVectorsApart,
} from '../../src/engine/format.js';
import { sigmoid as reference } from '../../src/engine/logistic.js';
import { leavesArguments } from '../leaves-arguments.js';

/** Relative tolerance of the value checks: a few ulps of any correct formula pass, clamps do not. */
const rel = 1e-12;
/**
 * Absolute tolerance: four units in the last place of a subnormal double. Below z ≈ −708 σ(z) is
 * subnormal, its ulp is 2^−1074 whatever its size, so there the comparison is in ulps.
 */
const subnormalUlps = 4 * Number.MIN_VALUE;

/** One z, what came back, and what σ(z) is. */
interface Point {
  readonly z: number;
  readonly got: number;
  readonly expected: number;
}

const isOff = (p: Point): boolean => !close(p.got, p.expected, rel, subnormalUlps);

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
      expected: `a vector of ${z.length} ${z.length === 1 ? 'number' : 'numbers'}`,
      got: describeValue(value),
      ...readStrings(value, z),
    });
  }
  return asVector(t, returned, z.length, 'a vector of probabilities');
}

/**
 * What strings in place of σ show. Named `rounds` only when their values are off and either
 * match σ rounded one fixed way or are written with cut-off digits (`"0.50000000"`, not the
 * `"0.5"` of String(0.5)): full-precision strings (String(σ)) rounded nothing.
 */
function readStrings(value: readonly unknown[], z: readonly number[]): Diagnosis {
  const numbers = value.map((x) => (typeof x === 'string' ? Number(x) : x));
  if (numbers.length !== z.length || !numbers.every((x) => typeof x === 'number')) {
    return {
      note: 'Strings came back where numbers were expected: return the numbers themselves.',
    };
  }
  const points = pointsOf(z, numbers as number[]);
  const bad = points.filter(isOff);
  if (bad.length === 0) {
    return {
      note: 'The values are right, but they came back as strings: return the numbers themselves, not their text.',
    };
  }
  const formatted = value.some((x) => typeof x === 'string' && x !== String(Number(x)));
  if (formatted || isRounded(points, bad)) {
    return {
      mistake: 'rounds',
      note: 'The values came back as strings with digits cut off (as `toFixed` and `toPrecision` write them): return the numbers as computed.',
    };
  }
  return { note: 'Strings came back where numbers were expected: return the numbers themselves.' };
}

/** The ways of rounding a probability a student reaches for: float32, toFixed(k), toPrecision(k). */
const roundings: readonly ((x: number) => number)[] = [
  Math.fround,
  ...Array.from({ length: 15 }, (_, k) => (x: number) => Number(x.toFixed(k + 1))),
  ...Array.from({ length: 16 }, (_, k) => (x: number) => Number(x.toPrecision(k + 1))),
];

/**
 * Every point of the call, right or wrong, equals σ rounded one fixed way (but for one in a
 * thousand, where the student's own σ and the reference fall on either side of a rounding tie),
 * and the rounding shows as more than a 0 or a 1.
 */
function isRounded(points: readonly Point[], bad: readonly Point[]): boolean {
  const allRoundedBy = (round: (x: number) => number) =>
    points.filter((p) => p.got !== round(p.expected)).length <= points.length / 1000;
  const labels = points.some((p) => p.expected > 0.01 && p.expected < 0.99);
  if (labels && allRoundedBy(Math.round)) return true;
  if (!bad.some((p) => p.got !== 0 && p.got !== 1)) return false;
  return roundings.some(allRoundedBy);
}

/**
 * 1 − x for x in [½, 1] is exact and a multiple of 2^−54, as is ½(1 + tanh(z/2)): what the
 * cancelling formulas return, within the absolute precision of 1 of σ(z).
 */
const isCancelled = (p: Point): boolean =>
  p.z < 0 && Number.isInteger(p.got * 2 ** 54) && Math.abs(p.got - p.expected) <= 2 ** -52;

/** The same small nonzero value at several z in the left tail: σ or z held at a bound. */
function isPlateau(bad: readonly Point[]): boolean {
  const tail = bad.filter((p) => p.z < -30 && p.got > 0 && p.got < 1e-3);
  return tail.length >= 2 && new Set(tail.map((p) => p.got)).size === 1;
}

/** σ set to 0 for every z below some threshold above the naive formula's −709.78. */
function isSaturated(points: readonly Point[], bad: readonly Point[]): boolean {
  if (bad.length < 3 || !bad.every((p) => p.got === 0 && p.z < 0)) return false;
  const threshold = Math.max(...bad.map((p) => p.z));
  return threshold > -709 && points.every((p) => p.z > threshold || isOff(p));
}

/** Where exp(z) overflows, log(MAX_VALUE) ≈ 709.78: e^z/(1 + e^z) is NaN above it. */
const naiveOverflow = Math.log(Number.MAX_VALUE);

/** Where exp(−z) overflows: 1/(1 + e^(−z)) is 0 below this, σ(z) is not until about −745. */
const naiveUnderflow = -naiveOverflow;

const underflowNote = `Below z ≈ −709.78, e^(−z) overflows to Infinity and 1/(1 + e^(−z)) comes back as 0, while σ(z) ≈ e^z is still a (subnormal) double down to z ≈ −745: σ(−740) ≈ 4.2e−322. For z < 0, e^z/(1 + e^z) keeps it: exp then sees only z ≤ 0 and underflows gradually.`;

/** A named mistake or a precise note, given only when a test that tells it apart confirms it. */
interface Diagnosis {
  readonly mistake?: string;
  readonly note?: string;
}

/** What the points of one call show: a mistake only when its own model explains every bad point. */
function diagnose(points: readonly Point[]): Diagnosis {
  const bad = points.filter(isOff);
  if (bad.length === 0) return {};
  if (bad.every((p) => Number.isNaN(p.got) && p.z > 709)) return { mistake: 'naive-overflow' };
  // The NaN of Infinity/Infinity mapped to 0 by a guard: wrong exactly where exp(z) overflows,
  // confirmed by a point just inside exp's range coming back right.
  const guardedOverflow =
    bad.every((p) => p.got === 0 && p.z > naiveOverflow) &&
    points.some((p) => p.z > 709 && p.z < naiveOverflow && !isOff(p));
  if (guardedOverflow) return { mistake: 'naive-overflow' };
  const flipped =
    bad.some((p) => p.z > 0) &&
    bad.some((p) => p.z < 0) &&
    points.every((p) => close(p.got, reference(-p.z), 1e-9, subnormalUlps));
  if (flipped) return { mistake: 'sign-flipped' };
  if (isRounded(points, bad)) return { mistake: 'rounds' };
  if (bad.every(isCancelled) && bad.some((p) => p.got > 0)) return { mistake: 'zero-tail' };
  if (isPlateau(bad) || isSaturated(points, bad)) return { mistake: 'clamps' };
  if (bad.every((p) => p.got === 0 && p.z < naiveUnderflow)) return { note: underflowNote };
  return {};
}

const pointsOf = (z: readonly number[], got: readonly number[]): Point[] =>
  z.map((zi, i) => ({ z: zi, got: got[i] ?? Number.NaN, expected: reference(zi) }));

/** How far off a point is, in tolerances: NaN and ±Infinity first. */
function badness(p: Point): number {
  const error = Math.abs(p.got - p.expected);
  return Number.isFinite(error) ? error / (rel * Math.abs(p.expected) + subnormalUlps) : Infinity;
}

/** The tolerance of a comparison, as the student would read it. */
const tolerance = (expected: readonly number[]) =>
  expected.some((e) => e !== 0 && Math.abs(e) < 2 ** -1022)
    ? `(to ${formatNumber(rel)} relative, or 4 units in the last place where σ is subnormal)`
    : `(to ${formatNumber(rel)} relative)`;

/** `formatVector` with every digit of z, so a shown call can be typed back in exactly. */
const showZ = (z: readonly number[]) => formatVector(z, 8, (x) => String(x));

/** Compares a whole batch; fails on a small, concrete call showing the largest error. */
async function compareBatch(t: CheckContext, z: readonly number[], what: string): Promise<void> {
  const got = readSigmoid(t, await t.call([z], { tried: `sigmoid(z) for ${what}` }), z);
  const points = pointsOf(z, got);
  const bad = points.filter(isOff);
  if (bad.length === 0) return;
  const diagnosis = diagnose(points);

  // The largest error first, then the failing z closest to 0 (where the trouble starts).
  const worst = [...bad].sort((a, b) => badness(b) - badness(a))[0] as Point;
  const nearest = [...bad].sort((a, b) => Math.abs(a.z) - Math.abs(b.z))[0] as Point;
  const shown = worst.z === nearest.z ? [worst] : [worst, nearest];
  const shownZ = shown.map((p) => p.z);
  const single = readSigmoid(t, await t.call([shownZ]), shownZ);
  const offAlone = pointsOf(shownZ, single).some(isOff);
  const gotValues = offAlone ? single : shown.map((p) => p.got);
  const [gotText, expectedText] = formatVectorsApart(
    gotValues,
    shown.map((p) => p.expected),
  );
  const badZ = bad.map((p) => p.z);
  const notes = [
    bad.length > shown.length
      ? `${bad.length} of the ${z.length} values are off, for z from ${formatNumber(Math.min(...badZ))} to ${formatNumber(Math.max(...badZ))}.`
      : '',
    `The largest error is at z = ${String(worst.z)}: ${formatDifference(worst.got, worst.expected)}.`,
    offAlone
      ? ''
      : `On its own, sigmoid(${showZ(shownZ)}) comes back right: the value depends on the other entries of z or on earlier calls.`,
    diagnosis.note ?? '',
  ];
  t.fail({
    tried: offAlone ? `sigmoid(${showZ(shownZ)})` : `sigmoid(z) for ${what}`,
    expected: `${expectedText} ${tolerance(shown.map((p) => p.expected))}`,
    got: gotText,
    mistake: diagnosis.mistake,
    note: notes.filter(Boolean).join(' '),
  });
}

/** `count` seeded uniform points in [from, to]: dense in the band, never a grid's round values. */
function uniform(seed: number, count: number, from: number, to: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => from + (to - from) * random.uniform());
}

/** `count` seeded points of either sign with |z| log-uniform in [10^lo, 10^hi]: every scale near 0. */
function aroundZero(seed: number, count: number, lo: number, hi: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => {
    const magnitude = 10 ** (lo + (hi - lo) * random.uniform());
    return random.uniform() < 0.5 ? -magnitude : magnitude;
  });
}

/** Logits with at most two decimals in [−limit, limit]: a failing call can be typed back in. */
const typeableZ = (limit: number) =>
  fc.integer({ min: -100 * limit, max: 100 * limit }).map((k) => k / 100);

/** Sorted logits from −800 to 800, with the notebook's example among them. */
const sortedSweep = [...uniform(7, 400, -800, 800), -1000, -10, 0, 10, 1000].sort((a, b) => a - b);

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
  const { mistake, note } = diagnose(pointsOf(z, got));
  if (found.kind === 'range') {
    const zi = z[found.index] ?? 0;
    const pi = got[found.index] ?? Number.NaN;
    t.fail({
      tried: returned.tried,
      expected: 'every value in [0, 1]',
      got: `σ(${formatNumber(zi)}) = ${formatNumber(pi)}${z.length > 1 ? ` in ${formatVector(got)}` : ''}`,
      mistake,
      note,
    });
  }
  const [za, zb] = [z[found.index - 1] ?? 0, z[found.index] ?? 0];
  const [pa, pb] = formatApart(got[found.index - 1] ?? 0, got[found.index] ?? 0);
  t.fail({
    tried: returned.tried,
    expected: `σ(${formatNumber(za)}) ≤ σ(${formatNumber(zb)}), since ${formatNumber(za)} ≤ ${formatNumber(zb)}`,
    got: `σ(${formatNumber(za)}) = ${pa} > σ(${formatNumber(zb)}) = ${pb}`,
    mistake,
    note,
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
  const asymmetry = (i: number) =>
    Math.abs((got[i + z.length] ?? Number.NaN) - (1 - (got[i] ?? Number.NaN)));
  // The pair that breaks the rule most, not the first one met.
  let index = -1;
  z.forEach((_, i) => {
    const off = asymmetry(i);
    if (!(off <= symmetryTolerance) && (index === -1 || !(off <= asymmetry(index)))) index = i;
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
  const [want, minusText] = formatApart(1 - plus, minus);
  const { mistake, note } = diagnose(pointsOf(both, got));
  t.fail({
    tried: returned.tried,
    expected:
      zi === 0
        ? 'σ(0) = 1 − σ(0), that is σ(0) = 0.5'
        : `σ(${formatNumber(-zi)}) = 1 − σ(${formatNumber(zi)}) = ${want} (to ${formatNumber(symmetryTolerance)})`,
    got:
      zi === 0
        ? `σ(0) = ${formatNumber(plus)}`
        : `σ(${formatNumber(-zi)}) = ${minusText}, σ(${formatNumber(zi)}) = ${formatNumber(plus)}`,
    mistake,
    note,
  });
}

const sameValues = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/**
 * Calls σ on a few batches, some twice, some alike in length and first entry, and fails when a
 * later call answers differently from an earlier one on the same z, or answers an earlier z.
 */
async function expectSameAnswers(t: CheckContext): Promise<void> {
  const batches = [
    [0, 1, -2, 0.5, 3],
    // Same length and first entry as the first batch, and unrelated otherwise.
    [0, 4, 0.25, -6, 1.5],
    [0.25, -4, 8],
  ];
  const order = [0, 0, 1, 0, 2, 1, 2];
  const seen: { z: number[]; got: number[]; call: number }[] = [];
  for (const [position, index] of order.entries()) {
    const z = batches[index] as number[];
    const call = position + 1;
    const returned = await t.call([z]);
    const got = readSigmoid(t, returned, z);
    const points = pointsOf(z, got);
    const same = seen.find((s) => sameValues(s.z, z) && !sameValues(s.got, got));
    if (points.some(isOff) && same) {
      const [now, then] = formatVectorsApart(got, same.got);
      t.fail({
        tried: `sigmoid(${showZ(z)}), call ${same.call} and again as call ${call} of this check`,
        expected: `the same σ both times: ${formatVector(z.map(reference))}`,
        got: `${then} on call ${same.call}, ${now} on call ${call}`,
        note: 'The same z gave a different answer on a later call: what the function returns depends on something besides z (a module-level variable, a cache, randomness).',
      });
    }
    const answered = seen.find(
      (s) => !sameValues(s.z, z) && s.z.length === z.length && sameValues(s.got, got),
    );
    // Only a function that computes σ right on a z it has not met remembers: a constant or a
    // wrong formula also answers two z alike, and the value checks say what is wrong with it.
    if (points.some(isOff) && answered && (await rightOnUnseen(t))) {
      t.fail({
        tried: `sigmoid(${showZ(answered.z)}) as call ${answered.call}, then sigmoid(${showZ(z)}) as call ${call}`,
        expected: `${formatVector(z.map(reference))} on call ${call}`,
        got: `${formatVector(got)}, what call ${answered.call} returned for its other z`,
        note: 'A later call returned an earlier call’s answer: the function remembers earlier calls, and what it remembers them by does not tell these two z apart.',
      });
    }
    seen.push({ z, got, call });
  }
  await expectNewValuesSeen(t);
}

/** σ on a z of a length and first entry no earlier call used, right to the value checks' tolerance. */
async function rightOnUnseen(t: CheckContext): Promise<boolean> {
  const unseen = [-0.75, 2.5, -1.25, 6];
  return !pointsOf(unseen, readSigmoid(t, await t.call([unseen]), unseen)).some(isOff);
}

/**
 * A caller that reuses one array writes new logits into it between calls (a training loop's z
 * buffer): the function must answer for the values it is given now, not for the array object
 * it saw before.
 */
async function expectNewValuesSeen(t: CheckContext): Promise<void> {
  const before = [0.5, -1, 2, 0, 3];
  const after = [1.5, -3, 0.25, 4, -0.5];
  const [held] = await t.keep(before);
  if (!held) return;
  readSigmoid(t, await t.call([held]), before);
  const changed = await t.overwrite(held, after);
  const returned = await t.call([changed]);
  const got = readSigmoid(t, returned, after);
  const points = pointsOf(after, got);
  if (!points.some(isOff)) return;
  const onFresh = readSigmoid(t, await t.call([[...after]]), after);
  // Wrong on a new array too: the formula, which the value checks report; not this check's.
  if (pointsOf(after, onFresh).some(isOff)) return;
  const [gotText, expectedText] = formatVectorsApart(got, after.map(reference));
  t.fail({
    tried: `z = ${showZ(before)}; sigmoid(z); then z's entries set in place to ${showZ(after)}; sigmoid(z) again`,
    expected: expectedText,
    got: gotText,
    note: 'On a new array with the same values the answer is right: the function answered from something kept from an earlier call, tied to the array object (a cache keyed by z), so a caller who writes new values into the same array gets the old σ.',
  });
}

export default defineChecks([
  {
    name: 'the same z gives the same σ on every call',
    run: expectSameAnswers,
  },
  {
    name: 'one σ per entry of z',
    async run(t) {
      for (const z of [[0], [-1, 0, 1], [3, -2, 0.5, 7, -7, 0.25, 1.5]])
        readSigmoid(t, await t.call([z]), z);
      // The top of the size ladder: one logit per example of 20,000 examples (small integers,
      // cheap to send), where recursion over the entries runs out of stack or memory.
      const long = Array.from({ length: 20000 }, (_, i) => (i % 21) - 10);
      readSigmoid(t, await t.call([long], { tried: 'sigmoid(z) for a z of 20000 values' }), long);
    },
  },
  {
    name: 'σ(z) correct for −30 ≤ z ≤ 30',
    async run(t) {
      // Small, readable values first, so a wrong formula fails on a call the student can redo.
      const small = [0, 1, -1, 2, -2, 0.5, -0.5, 5, -5, 10, -10];
      await compareBatch(t, small, formatVector(small));
      // Then densely, at random points: across the range, and at every scale around 0.
      const dense = [
        ...uniform(t.seed, 600, -30, 30),
        ...uniform(t.seed + 1, 600, -5, 5),
        ...aroundZero(t.seed + 2, 600, -12, 0.5),
      ];
      await compareBatch(t, dense, `${dense.length} random values of z from −30 to 30`);
    },
  },
  {
    name: 'no NaN at z = ±1000, ±1e308',
    async run(t) {
      // ±709.5: just inside exp's range, where every formula still works; an answer wrong
      // only beyond 709.78 is exp overflowing.
      const z = [-1e308, -1000, -709.5, 709.5, 1000, 1e308];
      const returned = await t.call([z]);
      const got = readSigmoid(t, returned, z);
      const index = got.findIndex(
        (p, i) => !(p >= 0 && p <= 1 && close(p, reference(z[i] ?? 0), 0, 1e-12)),
      );
      if (index === -1) return;
      const zi = z[index] ?? 0;
      const pi = got[index] ?? Number.NaN;
      const { mistake, note } = diagnose(pointsOf(z, got));
      t.fail({
        tried: returned.tried,
        expected: `${formatVector(z.map(reference))}: 0 far left, 1 far right`,
        got: formatVector(got),
        mistake,
        note: [`σ(${formatNumber(zi)}) came back ${formatNumber(pi)}.`, note ?? '']
          .filter(Boolean)
          .join(' '),
      });
    },
  },
  {
    name: 'accurate tails: −700 ≤ z ≤ 700',
    async run(t) {
      const z = [
        -700,
        -37,
        -30,
        30,
        700,
        ...uniform(t.seed, 1500, -700, 700),
        ...uniform(t.seed + 1, 500, -60, -10),
      ];
      await compareBatch(t, z, `${z.length} values of z from −700 to 700`);
    },
  },
  {
    name: 'subnormal tail: −745 < z < −709',
    async run(t) {
      const z = [-710, -720, -740, ...uniform(t.seed, 400, -745.1, -708)];
      await compareBatch(t, z, `${z.length} values of z from −745.1 to −708`);
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
        examples: [
          [1, 30],
          [...uniform(t.seed, 800, -700, 700), ...aroundZero(t.seed + 1, 400, -12, 1)],
        ],
      });
    },
  },
  leavesArguments([[[-1000, -3, -0.5, 0, 0.5, 3, 1000]]]),
]);
