// Hidden checks of task 3.1 (`hvp`): H·v against the oracle on hand-sized and random datasets,
// saturated σ, and thousands of features, where building the d×d Hessian is far too slow.
// The case builders and comparisons at the top are shared with tasks 3.2, 4.1 and its bonus.
import fc from 'fast-check';
import {
  allClose,
  asVector,
  type CheckContext,
  CheckFailure,
  defineChecks,
  maxAbsDiff,
  type Returned,
} from '../../src/engine/check-kit.js';
import { createRandom, makeData } from '../../src/engine/datasets.js';
import { formatApart, formatExact, formatNumber, formatVector } from '../../src/engine/format.js';
import { matTVec, matVec, hvp as reference, sigmoid } from '../../src/engine/logistic.js';
import { leavesArguments, smallW, smallX, smallY } from '../leaves-arguments.js';
import { expectRightOnRepeat } from '../repeated-calls.js';

// --- shared with 06-psd, 07-gd-step and 08-newton-step ----------------------------------

/** The numbers a random case is made from; fast-check shrinks them toward a tiny case. */
export interface CaseSpec {
  readonly n: number;
  readonly d: number;
  readonly seed: number;
  readonly separable: boolean;
}

/** One call's inputs: a dataset of the lab (X n×d, labels y), weights w and a direction v. */
export interface Case {
  readonly X: number[][];
  readonly y: number[];
  readonly w: number[];
  readonly v: number[];
}

/** Two decimals, so every number of a small case is shown exactly and can be typed back in. */
function round2(x: number): number {
  // `+ 0` turns −0 into 0, which reads better in a message.
  return Math.round(x * 100) / 100 + 0;
}

/**
 * Spreads a small seed over 32 bits: xoroshiro128+ seeded with a small integer starts with
 * a uniform of almost exactly 1, which makes the first normal of the dataset an outlier (−7).
 */
function mixSeed(seed: number): number {
  return Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) >>> 0;
}

/** The lab's `makeData`, rounded, with seeded weights (scaled by `wScale`) and a direction. */
export function makeCase({ n, d, seed, separable }: CaseSpec, wScale = 0.8): Case {
  const data = makeData({ n, d, seed: mixSeed(seed), separable });
  const random = createRandom(mixSeed(seed + 7919));
  return {
    X: data.X.map((row) => row.map(round2)),
    y: data.y,
    w: random.normals(d).map((x) => round2(wScale * x)),
    v: random.normals(d).map(round2),
  };
}

/**
 * Case specs with 4 ≤ n ≤ maxN and 2 ≤ d ≤ maxD, separable or not (or as asked). Shrinking
 * stops at 4×2: on one example every wrong weighting is a constant factor, one feature hides
 * which entry is off, and with d = n − 1 dividing by d looks like dividing by n − 1, so a
 * smaller case would no longer show the mistake.
 */
function caseArbitrary(options: {
  readonly maxN: number;
  readonly maxD: number;
  readonly separable?: boolean;
}): fc.Arbitrary<CaseSpec> {
  return fc.record({
    n: fc.integer({ min: 4, max: Math.max(4, options.maxN) }),
    d: fc.integer({ min: 2, max: Math.max(2, options.maxD) }),
    seed: fc.nat({ max: 10_000 }),
    separable: options.separable === undefined ? fc.boolean() : fc.constant(options.separable),
  });
}

/** Matrices and vectors up to this many entries are shown in full; larger ones by their shape. */
const maxShownEntries = 24;

function showArgument(name: string, value: unknown, vectorLimit: number): string {
  if (Array.isArray(value) && value.every(Array.isArray)) {
    const rows = value as number[][];
    const d = rows[0]?.length ?? 0;
    if (rows.length * d <= maxShownEntries) {
      return `${name} = [${rows.map((row) => formatVector(row)).join(', ')}]`;
    }
    return `${name}: ${rows.length}×${d}`;
  }
  if (Array.isArray(value)) {
    return value.length <= vectorLimit
      ? `${name} = ${formatVector(value, vectorLimit)}`
      : `${name}: ${value.length} values`;
  }
  if (typeof value === 'number') return `${name} = ${formatNumber(value)}`;
  return name;
}

/** `hvp(X, y, w, v) with X = [[0.5], [-1.2]], y = [1, 0], w = [0.3], v = [1]`. */
export function showCall(t: CheckContext, args: readonly unknown[], about?: string): string {
  // Long vectors (the labels) are worth showing only beside the matrix they go with.
  const matrixShown = args.every(
    (arg) =>
      !(Array.isArray(arg) && arg.every(Array.isArray)) ||
      arg.length * ((arg[0] as unknown[] | undefined)?.length ?? 0) <= maxShownEntries,
  );
  const vectorLimit = matrixShown ? maxShownEntries : 8;
  const shown = args.map((arg, i) => showArgument(t.params[i] ?? `arg${i + 1}`, arg, vectorLimit));
  return `${t.exportName}(${t.params.join(', ')}) with ${shown.join(', ')}${about ? ` (${about})` : ''}`;
}

/** A wrong answer a known mistake would give, to name it when the student's answer matches. */
export interface Candidate<T> {
  readonly mistake: string;
  readonly value: T;
}

/** The largest |xᵢ|, for tolerances relative to the size of a whole vector. */
function largest(x: readonly number[]): number {
  return x.reduce((max, xi) => Math.max(max, Math.abs(xi)), 0);
}

/**
 * The one mistake the matching candidates agree on. When two different mistakes give the same
 * answer on this case (p − y and p when every label is 0, say), the case cannot tell them
 * apart, so none is named.
 */
function onlyMatch<T>(matches: readonly Candidate<T>[] | undefined): Candidate<T> | undefined {
  const mistakes = new Set(matches?.map((candidate) => candidate.mistake));
  return mistakes.size === 1 ? matches?.[0] : undefined;
}

/** Entrywise within `rel` of `expected`, relative to its largest entry. */
export function vectorsClose(
  got: readonly number[],
  expected: readonly number[],
  rel: number,
): boolean {
  return allClose(got, expected, rel, rel * largest(expected) + 1e-300);
}

/**
 * One more sentence on how `got` differs from `expected`, when no named mistake explains it.
 * With `origin`, the moves away from it are compared (the step of an optimizer, not the weights).
 */
function gap(
  got: readonly number[],
  expected: readonly number[],
  origin?: readonly number[],
): string {
  const broken = got.map((_, i) => i).filter((i) => !Number.isFinite(got[i] ?? Number.NaN));
  if (broken.length > 0) {
    const first = broken[0] ?? 0;
    return `${broken.length} of the ${got.length} entries are not finite: entry ${first} is ${formatNumber(got[first] ?? Number.NaN)} where ${formatNumber(expected[first] ?? Number.NaN)} was expected.`;
  }
  const from = (x: readonly number[]) => (origin ? x.map((xi, i) => xi - (origin[i] ?? 0)) : x);
  const [moved, wanted] = [from(got), from(expected)];
  const ratios = moved.map((x, i) => x / (wanted[i] ?? Number.NaN));
  const ratio = ratios[0] ?? Number.NaN;
  const constant =
    Number.isFinite(ratio) && ratios.every((r) => Math.abs(r - ratio) <= 1e-6 * Math.abs(ratio));
  if (constant && ratio === 0 && wanted.some((x) => x !== 0)) {
    return `${origin ? 'The step you took (new w − w) is' : 'Every entry is'} 0, where the expected ones are not.`;
  }
  // One entry is always "a constant factor" off: the word says something only for several.
  if (constant && got.length > 1 && wanted.some((x) => x !== 0) && Math.abs(ratio - 1) >= 1e-3) {
    const what = origin ? 'The step you took (new w − w) is' : 'Every entry is';
    return `${what} ${formatNumber(ratio)} times the expected one: look for a missing or extra factor.`;
  }
  const diff = maxAbsDiff(got, expected);
  const at = got.findIndex((x, i) => Math.abs(x - (expected[i] ?? 0)) === diff);
  const scale = largest(expected);
  const relative =
    scale > 0 ? ` (${formatNumber(diff / scale)} of the largest expected entry)` : '';
  const [gotAt, wantedAt] = formatApart(got[at] ?? 0, expected[at] ?? 0);
  return got.length === 1
    ? `It is off by ${formatNumber((got[0] ?? 0) - (expected[0] ?? 0))}${relative}.`
    : `The largest difference is at entry ${at}: ${gotAt} instead of ${wantedAt}, off by ${formatNumber(diff)}${relative}.`;
}

/** Fails unless `got` matches `expected`; names the candidate mistake it matches, if any. */
export function expectVector(
  t: CheckContext,
  options: {
    readonly tried: string;
    readonly got: readonly number[];
    readonly expected: readonly number[];
    readonly rel: number;
    readonly candidates?: readonly Candidate<readonly number[]>[];
    /** The weights a step started from, to describe a wrong step by its size. */
    readonly origin?: readonly number[];
  },
): void {
  const { tried, got, expected, rel } = options;
  if (vectorsClose(got, expected, rel)) return;
  const match = onlyMatch(
    options.candidates?.filter(
      (candidate) =>
        vectorsClose(got, candidate.value, rel) && !vectorsClose(candidate.value, expected, rel),
    ),
  );
  // Six digits hide a difference in the seventh: then show every digit.
  const same = formatVector(got) === formatVector(expected);
  const show = (x: readonly number[]) => formatVector(x, 8, same ? formatExact : formatNumber);
  t.fail({
    tried,
    expected: `${show(expected)} (to ${formatNumber(rel)} relative)`,
    got: show(got),
    mistake: match?.mistake,
    note: match ? undefined : gap(got, expected, options.origin),
  });
}

/** `a` within `rel` of `b` (relative to |b|, with a floor of `abs`). */
function numbersClose(a: number, b: number, rel: number, abs: number): boolean {
  return Math.abs(a - b) <= rel * Math.abs(b) + abs;
}

/** One more sentence on how the number `got` differs from `expected`. */
function numberGap(got: number, expected: number): string | undefined {
  if (Number.isNaN(got)) {
    return 'NaN often comes from reading past the end of an array (undefined × a number is NaN): check your loop bounds.';
  }
  const ratio = got / expected;
  if (!Number.isFinite(ratio) || expected === 0) return undefined;
  if (Math.abs(ratio - 1) < 1e-3) return `It is off by ${formatNumber(got - expected)}.`;
  return `That is ${formatNumber(ratio)} times the expected value.`;
}

/** Fails unless the number `got` matches `expected`; names the candidate mistake it matches. */
export function expectNumber(
  t: CheckContext,
  options: {
    readonly tried: string;
    readonly got: number;
    readonly expected: number;
    readonly rel: number;
    /** Floor of the tolerance, for expected values near 0. */
    readonly abs: number;
    readonly candidates?: readonly Candidate<number>[];
  },
): void {
  const { tried, got, expected, rel, abs } = options;
  if (numbersClose(got, expected, rel, abs)) return;
  const match = onlyMatch(
    options.candidates?.filter(
      (candidate) =>
        numbersClose(got, candidate.value, rel, abs) &&
        !numbersClose(candidate.value, expected, rel, abs),
    ),
  );
  const show = formatNumber(got) === formatNumber(expected) ? formatExact : formatNumber;
  t.fail({
    tried,
    expected: `${show(expected)} (to ${formatNumber(rel)} relative)`,
    got: show(got),
    mistake: match?.mistake,
    note: match ? undefined : numberGap(got, expected),
  });
}

/** Runs `body`; resolves to the failure it ended with, if it failed a check. */
async function failureOf(body: () => Promise<void>): Promise<CheckFailure | undefined> {
  try {
    await body();
    return undefined;
  } catch (error) {
    // A TODO, a timeout or a crash is the same on every case: no search.
    if (error instanceof CheckFailure && !error.failure.notImplemented) return error;
    throw error;
  }
}

/**
 * Runs `body` on the fixed `examples` (a few realistic datasets), then on `numRuns` random
 * small cases. On a failure, fast-check shrinks the failing case toward fewer examples and
 * features, so the message shows the smallest case that still fails.
 */
export async function checkCases(
  t: CheckContext,
  options: {
    readonly examples: readonly CaseSpec[];
    readonly maxN: number;
    readonly maxD: number;
    readonly separable?: boolean;
    readonly numRuns: number;
  },
  body: (spec: CaseSpec) => Promise<void>,
): Promise<void> {
  for (const example of options.examples) {
    const failure = await failureOf(() => body(example));
    if (!failure) continue;
    // Shrink from the failing example: the arbitrary must reach it, so its bounds do.
    const arbitrary = caseArbitrary({
      maxN: Math.max(options.maxN, example.n),
      maxD: Math.max(options.maxD, example.d),
      separable: options.separable,
    });
    await t.property(arbitrary, body, { numRuns: 1, examples: [example] });
    throw failure;
  }
  const arbitrary = caseArbitrary(options);
  await t.property(arbitrary, body, { numRuns: options.numRuns });
}

/** One call of a sequence repeated as Newton-CG makes it: the point, and which dataset. */
export interface RepeatedPoint {
  readonly w: number[];
  readonly v: number[];
  /** `held`: the dataset of the calls before; `other`: another of the same size; `large`. */
  readonly data: 'held' | 'other' | 'large';
}

/**
 * The calls repeated on one X, as Newton-CG makes them: two directions v at one w, then two at
 * a new w (one a v seen before); then the same w and v on another X of the same size, and on
 * the top of the size ladder.
 */
export function repeatedPoints(seed: number, d: number): RepeatedPoint[] {
  const random = createRandom(seed);
  const ws = [random.normals(d), random.normals(d)].map((w) => w.map((x) => x / Math.sqrt(d)));
  const vs = [random.normals(d), random.normals(d), random.normals(d)];
  const calls: [number, number, RepeatedPoint['data']][] = [
    [0, 0, 'held'],
    [0, 1, 'held'],
    [1, 1, 'held'],
    [1, 2, 'held'],
    [1, 2, 'other'],
    [1, 2, 'large'],
  ];
  return calls.map(([wi, vi, data]) => ({ w: ws[wi] ?? [], v: vs[vi] ?? [], data }));
}

/**
 * `name(X, y, w, v)` as Newton-CG calls it: on the same X and y objects (held in the sandbox),
 * several directions v at one w, then a new w. CG updates its direction in place, and an outer
 * loop its weights, so v and w are one array each, their entries set to each new direction or
 * weights between calls. Then the same w and v on another X of the same size (a cache keyed by
 * w and n alone answers for the first X), and at the top of the size ladder. Each call is
 * judged by `expectRight` against its case.
 */
export async function severalVAndW(
  t: CheckContext,
  name: string,
  datasetSeed: number,
  expectRight: (returned: Returned, tried: string, c: Case) => void,
): Promise<void> {
  const points = repeatedPoints(t.seed, 20);
  const datasets = {
    held: {
      ...(await t.dataset({ n: 100, d: 20, separable: false, seed: datasetSeed + 100 })),
      shape: '100×20',
    },
    other: {
      ...(await t.dataset({ n: 100, d: 20, separable: false, seed: datasetSeed + 101 })),
      shape: '100×20 (another X of the same size)',
    },
    large: {
      ...(await t.dataset({ n: 5000, d: 20, separable: false, seed: datasetSeed + 5000 })),
      shape: '5000×20',
    },
  };
  let [weights, direction] = await t.keep(points[0]?.w ?? [], points[0]?.v ?? []);
  await expectRightOnRepeat(
    t,
    points.length,
    async (index) => {
      const { w, v, data } = points[index] ?? { w: [], v: [], data: 'held' };
      const { X, y, data: tutorData, shape } = datasets[data];
      const c: Case = { X: tutorData.X, y: tutorData.y, w, v };
      const previous = points[index - 1];
      const changed: string[] = [];
      if (weights && previous && previous.w !== w) {
        weights = await t.overwrite(weights, w);
        changed.push('the same w array, its entries set to new weights');
      }
      if (direction && previous && previous.v !== v) {
        direction = await t.overwrite(direction, v);
        changed.push('the same v array, its entries set to a new direction');
      }
      return {
        args: [X, y, weights, direction],
        tried: `${name}(X, y, w, v) on X ${shape} with w = ${formatVector(w)}, v = ${formatVector(v)}${changed.length > 0 ? ` (${changed.join('; ')})` : ''}`,
        expectRight: (returned, tried) => expectRight(returned, tried, c),
      };
    },
    (index) => (points[index]?.data === 'held' ? 'X, y, w and v arrays' : 'w and v arrays'),
  );
}

// --- task 3.1 --------------------------------------------------------------------------

/** Agreement with the oracle: summation order moves the last digits, a wrong formula more. */
const rel = 1e-7;

/** The answers of the usual wrong formulas for this case, each with the mistake it shows. */
function wrongAnswers(X: number[][], y: number[], w: number[], v: number[]): Candidate<number[]>[] {
  const n = X.length;
  const d = w.length;
  const p = matVec(X, w).map(sigmoid);
  const Xv = matVec(X, v);
  const weighted = (s: readonly number[]) =>
    matTVec(
      X,
      s.map((si, i) => si * (Xv[i] ?? 0)),
    ).map((x) => x / n);
  const right = weighted(p.map((pi) => pi * (1 - pi)));
  return [
    { mistake: 'missing-mean', value: right.map((x) => x * n) },
    { mistake: 'p-not-variance', value: weighted(p) },
    { mistake: 'residual-not-variance', value: weighted(p.map((pi, i) => pi - (y[i] ?? 0))) },
    { mistake: 'forgot-s', value: weighted(p.map(() => 1)) },
    {
      mistake: 'forgot-v',
      value: matTVec(
        X,
        p.map((pi) => pi * (1 - pi)),
      ).map((x) => x / n),
    },
    { mistake: 'sign-error', value: right.map((x) => -x) },
    // With d = n ± 1, dividing by d cannot be told from dividing by n ∓ 1.
    ...(Math.abs(d - n) === 1
      ? []
      : [{ mistake: 'divides-by-d', value: right.map((x) => (x * n) / d) }]),
    // With n = d the length cannot tell that Xᵀ was left out; the numbers can.
    ...(n === d
      ? [
          {
            mistake: 'forgot-transpose',
            value: p.map((pi, i) => (pi * (1 - pi) * (Xv[i] ?? 0)) / n),
          },
          { mistake: 'forgot-transpose', value: p.map((pi, i) => pi * (1 - pi) * (Xv[i] ?? 0)) },
        ]
      : []),
  ];
}

/**
 * Calls hvp on `c` and compares with the oracle, naming the mistake where one fits. With
 * `confirm`, a mistake matched on `c` is named only if the answer on `confirm` matches it too:
 * at w = 0 every pᵢ is ½, so p and 1 − p, say, give the same answer there.
 */
async function compare(t: CheckContext, c: Case, about?: string, confirm?: Case): Promise<void> {
  const args = [c.X, c.y, c.w, c.v];
  const tried = showCall(t, args, about);
  const got = readHv(t, await t.call(args, { tried }), c);
  const expected = reference(c.X, c.w, c.v);
  const failure = await failureOf(async () =>
    expectVector(t, { tried, got, expected, rel, candidates: wrongAnswers(c.X, c.y, c.w, c.v) }),
  );
  if (!failure) return;
  const { mistake } = failure.failure;
  if (!confirm || !mistake) throw failure;
  const again = Array.from(
    readHv(t, await t.call([confirm.X, confirm.y, confirm.w, confirm.v]), confirm),
  );
  const confirmed = wrongAnswers(confirm.X, confirm.y, confirm.w, confirm.v).some(
    (candidate) => candidate.mistake === mistake && vectorsClose(again, candidate.value, rel),
  );
  if (confirmed) throw failure;
  t.fail({ ...failure.failure, mistake: undefined, note: gap(got, expected) });
}

/**
 * The returned H·v as d numbers. n numbers are named forgot-transpose only when they are
 * s ⊙ Xv (or s ⊙ Xv / n): other vectors of n entries (the weights s alone, say) are not.
 */
function readHv(t: CheckContext, returned: Awaited<ReturnType<CheckContext['call']>>, c: Case) {
  const n = c.X.length;
  const d = c.w.length;
  const { value } = returned;
  const entries =
    Array.isArray(value) || value instanceof Float64Array
      ? Array.from(value as ArrayLike<unknown>)
      : undefined;
  const stoppedAtSXv = () => {
    if (!entries?.every((x) => typeof x === 'number')) return false;
    const Xv = matVec(c.X, c.v);
    const sXv = matVec(c.X, c.w).map((z, i) => {
      const p = sigmoid(z);
      return p * (1 - p) * (Xv[i] ?? 0);
    });
    return [sXv, sXv.map((x) => x / n)].some((candidate) =>
      vectorsClose(entries as number[], candidate, rel),
    );
  };
  if (entries?.length === n && n !== d && stoppedAtSXv()) {
    t.fail({
      tried: returned.tried,
      expected: `d = ${d} numbers, one per feature`,
      got: `n = ${n} numbers, one per example: ${formatVector(Array.from(value as ArrayLike<number>))}`,
      mistake: 'forgot-transpose',
    });
  }
  return asVector(t, returned, d, 'H·v');
}

/** Examples of the wide cases: few examples, many features. */
const wideN = 3;

/**
 * Features of the wide cases, tried in turn. The first catches a slow d×d Hessian cheaply
 * (a number[][] one takes 0.2–0.8 s there, 1–3 s at the second size, too close to the run's
 * 5 s limit); the second catches even a fast Float64Array one.
 */
const wideD = [1000, 2500];

/**
 * Time limit of one call on a wide case. Measured on a 2-core machine, at d = 2500, with a
 * load average of 2–3 and of 10: an O(nd) hvp takes 2–5 ms and 13–50 ms (nearly all of it
 * copying X to the sandbox and back: a function returning zeros takes as long; the first,
 * cold call up to ~40 ms), a Float64Array d×d Hessian 130–260 ms and 370–660 ms, a number[][]
 * one 1.1–1.5 s and 3 s, H built from columns H·eⱼ 1.8–2.1 s and 5 s. At d = 1000, under load
 * 10: 2–4 ms, 53–184 ms, 0.5 s and 0.9 s.
 */
const wideLimitMs = 50;

/** Calls slower than this are a d×d matrix, not a busy machine: no need to try again. */
const noRetryMs = 4 * wideLimitMs;

function wideCase(seed: number, d: number): Case {
  const random = createRandom(seed);
  const X = Array.from({ length: wideN }, () => random.normals(d));
  // Small weights keep z = Xw of order 1, so every example adds curvature.
  return { X, y: [1, 0, 1], w: random.normals(d).map((x) => 0.02 * x), v: random.normals(d) };
}

/**
 * The fastest of up to five calls, each on a new case of `d` features, so a busy machine cannot
 * fail a right answer. Only calls that come back right count when any does: a Hessian built on
 * the first call and kept is fast afterwards, but answers for the first case.
 */
async function fastestCall(
  t: CheckContext,
  d: number,
  tried: string,
): Promise<{ ms: number; right: boolean }> {
  let fastestRight = Number.POSITIVE_INFINITY;
  let fastestAny = Number.POSITIVE_INFINITY;
  for (let tries = 0; tries < 5 && fastestRight >= wideLimitMs; tries++) {
    const c = wideCase(t.seed + tries, d);
    const returned = await t.call([c.X, c.y, c.w, c.v], { tried });
    const got = readHv(t, returned, c);
    // Time inside hvp alone: copying X to the sandbox is the tutor's cost, not the student's.
    fastestAny = Math.min(fastestAny, returned.computeMs);
    if (vectorsClose(got, reference(c.X, c.w, c.v), rel))
      fastestRight = Math.min(fastestRight, returned.computeMs);
    if (returned.computeMs >= noRetryMs) break;
  }
  // A fast wrong answer says nothing of the cost of a right one (zeros come back at once).
  return Number.isFinite(fastestRight)
    ? { ms: fastestRight, right: true }
    : { ms: fastestAny, right: false };
}

export default defineChecks([
  {
    name: 'one entry per feature (length d)',
    async run(t) {
      for (const spec of [
        { n: 2, d: 5, seed: 11, separable: false },
        { n: 7, d: 2, seed: 12, separable: false },
      ]) {
        const c = makeCase(spec);
        const args = [c.X, c.y, c.w, c.v];
        readHv(t, await t.call(args, { tried: showCall(t, args) }), c);
      }
    },
  },
  {
    name: 'H·v at w = 0 (every sᵢ = 1/4)',
    async run(t) {
      const X = [
        [1, 2],
        [-1, 0.5],
        [0, 3],
      ];
      // A mistake matched here is named only if it matches at a w ≠ 0 too, where pᵢ ≠ ½.
      await compare(
        t,
        { X, y: [1, 0, 1], w: [0, 0], v: [1, -1] },
        'p = σ(0) = 0.5 for every example',
        { X, y: [1, 0, 1], w: [0.5, -0.8], v: [1, -1] },
      );
    },
  },
  {
    name: 'H·v on random datasets',
    async run(t) {
      const examples: CaseSpec[] = [
        { n: 120, d: 5, seed: 0, separable: false },
        { n: 100, d: 3, seed: 1, separable: true },
        { n: 30, d: 8, seed: 2, separable: false },
      ];
      await checkCases(t, { examples, maxN: 60, maxD: 6, numRuns: 12 }, (spec) =>
        compare(t, makeCase(spec), spec.separable ? 'separable data' : undefined),
      );
    },
  },
  {
    name: 'several v and w on one X',
    async run(t) {
      // As Newton-CG uses it: the same X and y objects, several directions v at one w, then
      // a new w; the last call climbs to the top of the size ladder.
      await severalVAndW(t, 'hvp', 53, (returned, tried, c) =>
        expectVector(t, {
          tried,
          got: readHv(t, returned, c),
          expected: reference(c.X, c.w, c.v),
          rel,
          candidates: wrongAnswers(c.X, c.y, c.w, c.v),
        }),
      );
    },
  },
  {
    name: 'saturated σ: no NaN',
    async run(t) {
      // z = Xw = [800, −900, −100, −2600]: σ is 0 or 1 to double precision, so sᵢ ≈ 0.
      const X = [
        [1, 0],
        [0, 1],
        [1, 1],
        [-1, 2],
      ];
      const c: Case = { X, y: [1, 0, 0, 0], w: [800, -900], v: [1, 2] };
      const args = [c.X, c.y, c.w, c.v];
      const tried = showCall(t, args, 'z = Xw = [800, -900, -100, -2600]');
      const got = readHv(t, await t.call(args, { tried }), c);
      const expected = reference(c.X, c.w, c.v);
      // Absolute: the answer is about 1e-44; any finite number that small is right.
      if (allClose(got, expected, 0, 1e-12)) return;
      // NaN from σ overflowing shows only at large |z|: the same X at small w must be right.
      const small: Case = { ...c, w: [0.8, -0.9] };
      const overflowed =
        got.some((x) => !Number.isFinite(x)) &&
        vectorsClose(
          readHv(t, await t.call([small.X, small.y, small.w, small.v]), small),
          reference(small.X, small.w, small.v),
          rel,
        );
      const match = wrongAnswers(c.X, c.y, c.w, c.v).find((wrong) =>
        allClose(got, wrong.value, 1e-7, 1e-12),
      );
      t.fail({
        tried,
        expected: `${formatVector(expected)}: examples with |z| that large add no curvature`,
        got: formatVector(got),
        mistake: overflowed ? 'unstable-sigmoid' : match?.mistake,
      });
    },
  },
  {
    name: 'confident examples still add curvature',
    async run(t) {
      // z = Xw = [22, −24, 46, −70]: every example is right and confident, sᵢ from 3e−10 down
      // to 4e−31, so H·v is tiny but not 0. The tolerance allows the cancellation in 1 − σ(22).
      const c: Case = {
        X: [
          [1, 0],
          [0, 1],
          [1, -1],
          [-1, 2],
        ],
        y: [1, 0, 1, 0],
        w: [22, -24],
        v: [1, 2],
      };
      const tried = showCall(t, [c.X, c.y, c.w, c.v], 'z = Xw = [22, -24, 46, -70]');
      expectVector(t, {
        tried,
        got: readHv(t, await t.call([c.X, c.y, c.w, c.v], { tried }), c),
        expected: reference(c.X, c.w, c.v),
        rel: 1e-4,
        candidates: wrongAnswers(c.X, c.y, c.w, c.v),
      });
    },
  },
  {
    name: 'O(nd): no d×d Hessian',
    async run(t) {
      const timed: { d: number; ms: number }[] = [];
      for (const d of wideD) {
        const tried = `hvp(X, y, w, v) with X: ${wideN}×${d} (${wideN} examples, ${d} features)`;
        const { ms, right } = await fastestCall(t, d, tried);
        timed.push({ d, ms });
        if (!right && ms < wideLimitMs) {
          t.fail({
            tried,
            expected: `H·v, in under ${wideLimitMs} ms`,
            got: `an answer in ${Math.round(ms)} ms, but not H·v: a fast answer counts only when it is right`,
          });
        }
        if (ms < wideLimitMs) continue;
        const first = timed[0];
        const growth =
          first && first.d !== d
            ? ` ${formatNumber(d / first.d)}× the features took ${Math.round(ms / first.ms)}× the time: the cost grows like d², not d.`
            : '';
        t.fail({
          tried,
          expected: `an answer in under ${wideLimitMs} ms: Xᵀ(s ⊙ Xv)/n takes about 2·n·d = ${(2 * wideN * d).toLocaleString('en-US')} multiplications`,
          got: `the fastest call took ${timed.map((run) => `${Math.round(run.ms)} ms with d = ${run.d}`).join(', then ')}`,
          mistake: 'full-hessian',
          note: `A d×d Hessian here has ${(d * d).toLocaleString('en-US')} entries and costs n·d² = ${(wideN * d * d).toLocaleString('en-US')} multiplications to fill.${growth}`,
        });
      }
    },
  },
  leavesArguments([[smallX, smallY, smallW, [0.5, -1, 2]]]),
]);
