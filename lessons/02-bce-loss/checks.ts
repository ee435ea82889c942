// Hidden checks of task 1.2 (`bceLoss`): the mean cross-entropy against the oracle on random
// and dataset inputs, p exactly 0 and 1, mean versus sum, and the sign.
import fc from 'fast-check';
import {
  asNumber,
  type CheckContext,
  CheckFailure,
  close,
  defineChecks,
} from '../../src/engine/check-kit.js';
import { createRandom, makeData } from '../../src/engine/datasets.js';
import { formatApart, formatExact, formatNumber, formatVector } from '../../src/engine/format.js';
import { matVec, bceLoss as reference, sigmoid } from '../../src/engine/logistic.js';
import { leavesArguments } from '../leaves-arguments.js';
import { expectRightOnRepeat } from '../repeated-calls.js';

/**
 * Relative tolerance against the oracle. Loose enough for any tiny clipping bound and for
 * log(p + 1e-12) instead of a clip (both move the loss by < 1e-6 relative for p ≥ 1e-6),
 * tight enough for every named mistake, which is off by a constant factor or more.
 */
const rel = 1e-6;
const abs = 1e-10;

/** One example: a label and a probability. */
interface Example {
  readonly y: number;
  readonly p: number;
}

const mean = (values: readonly number[]) => values.reduce((sum, x) => sum + x, 0) / values.length;

/** Mean cross-entropy with p clipped to [eps, 1 − eps], or unclipped for eps = 0. */
function clippedLoss(y: readonly number[], p: readonly number[], eps: number): number {
  return mean(
    y.map((label, i) => {
      const q = Math.min(Math.max(p[i] ?? 0, eps), 1 - eps);
      return -(label * Math.log(q) + (1 - label) * Math.log(1 - q));
    }),
  );
}

const tinyBounds = [0, 1e-16, 1e-15, 1e-12, 1e-10, 1e-8, 1e-7, 1e-6];
const largeBounds = [1e-2, 1e-3, 1e-4, 1e-5];

/** The named mistake that explains `got` for this (y, p), if one does. */
function diagnose(y: readonly number[], p: readonly number[], got: number): string | undefined {
  const expected = reference(y, p);
  const near = (candidate: number) => close(got, candidate, rel, abs);
  const interior = p.every((x) => x > 0 && x < 1);
  if (!Number.isFinite(got)) {
    // Swapped, the loss takes log 0 at a label 0: Infinity, but so does a division by n − 1 = 0,
    // so one example tells nothing; NaN is not what swapping gives.
    const swapped = y.length > 1 && interior && near(clippedLoss(p, y, 0));
    return swapped ? 'swapped-args' : undefined;
  }
  if (y.length > 1 && near(y.length * expected)) return 'sum-not-mean';
  if (near(-expected)) return 'sign-flipped';
  if (near(expected / Math.LN10) || near(expected / Math.LN2)) return 'log-base';
  const ones = mean(y.map((label, i) => -label * Math.log(p[i] ?? 0)));
  const zeros = mean(y.map((label, i) => -(1 - label) * Math.log(1 - (p[i] ?? 0))));
  if (near(ones) || near(zeros)) return 'one-term';
  if (tinyBounds.some((eps) => near(clippedLoss(p, y, eps)))) return 'swapped-args';
  if (largeBounds.some((eps) => near(clippedLoss(y, p, eps)))) return 'clips-too-much';
  return undefined;
}

/** Ordinary labels and probabilities, none near 0 or 1, for confirming a diagnosis. */
const probe = { y: [0, 1, 1, 0, 1], p: [0.3, 0.9, 0.6, 0.15, 0.02] };

/**
 * `mistake`, if the same mistake also explains the function's answer on the probe: a model with
 * a free parameter (a clipping bound) can fit one number by coincidence, not two.
 */
async function confirmed(
  t: CheckContext,
  mistake: string | undefined,
): Promise<string | undefined> {
  if (mistake === undefined) return undefined;
  const got = asNumber(t, await t.call([probe.y, probe.p]), 'one number, the mean loss');
  return diagnose(probe.y, probe.p, got) === mistake ? mistake : undefined;
}

/** Runs `body`; a failure it ends with keeps its mistake only if the probe confirms it. */
async function confirmingFailure(t: CheckContext, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    // Only the diagnoses made from the loss's value; a changed argument is its own proof.
    const fromValue = [
      'sum-not-mean',
      'sign-flipped',
      'log-base',
      'one-term',
      'swapped-args',
      'clips-too-much',
    ];
    if (!(error instanceof CheckFailure) || !fromValue.includes(error.failure.mistake ?? ''))
      throw error;
    const mistake = await confirmed(t, error.failure.mistake);
    if (mistake === error.failure.mistake) throw error;
    t.fail({ ...error.failure, mistake });
  }
}

/** The probe comes back right: whatever is wrong needs a p at or near 0 or 1 to show. */
async function rightOnOrdinaryP(t: CheckContext): Promise<boolean> {
  const got = asNumber(t, await t.call([probe.y, probe.p]), 'one number, the mean loss');
  return close(got, reference(probe.y, probe.p), rel, abs);
}

/** Calls bceLoss(y, p) and fails unless it returns the reference loss. */
async function expectLoss(
  t: CheckContext,
  y: number[],
  p: number[],
  tried?: string,
): Promise<void> {
  const returned = await t.call([y, p], tried ? { tried } : {});
  const got = asNumber(t, returned, 'one number, the mean loss');
  await judgeLoss(t, returned.tried, y, p, got);
}

/** Fails unless `got` is the reference loss for (y, p), naming only a confirmed mistake. */
async function judgeLoss(
  t: CheckContext,
  tried: string,
  y: number[],
  p: number[],
  got: number,
): Promise<void> {
  const expected = reference(y, p);
  if (close(got, expected, rel, abs)) return;
  // Six digits can hide a difference of 1e-6: then show every digit.
  const show = formatNumber(got) === formatNumber(expected) ? formatExact : formatNumber;
  t.fail({
    tried,
    expected: show(expected),
    got: show(got),
    mistake: await confirmed(t, diagnose(y, p, got)),
  });
}

/** p = σ(X·w) on a lab dataset, kept inside [1e-6, 1 − 1e-6] where every clip agrees. */
function datasetCase(
  seed: number,
  separable: boolean,
  scale: number,
): { y: number[]; p: number[] } {
  const { X, y, wTrue } = makeData({ n: 400, d: 5, separable, seed });
  const z = matVec(
    X,
    wTrue.map((w) => scale * w),
  );
  const p = z.map((zi) => Math.min(Math.max(sigmoid(zi), 1e-6), 1 - 1e-6));
  return { y, p };
}

const label = fc.constantFrom(0, 1);
const examples = (p: fc.Arbitrary<number>, maxLength: number) =>
  fc.array(fc.record({ y: label, p }), { minLength: 1, maxLength });
const split = (items: readonly Example[]) => ({
  y: items.map((e) => e.y),
  p: items.map((e) => e.p),
});

export default defineChecks([
  {
    name: 'matches the mean cross-entropy',
    async run(t) {
      await expectLoss(t, [1, 0, 1], [0.8, 0.8, 0.5]);
      // The notebook's sanity check: with w = 0 every p is 0.5, so L = log 2.
      const { y } = makeData({ n: 400, d: 5, seed: 0 });
      const half = y.map(() => 0.5);
      await expectLoss(
        t,
        y,
        half,
        'bceLoss(y, p) on the dataset (400 labels), p = 0.5 everywhere (w = 0)',
      );
      for (const [seed, separable, scale] of [
        [1, true, 1],
        [2, false, 0.5],
      ] as const) {
        const data = datasetCase(seed, separable, scale);
        const kind = separable ? 'separable' : 'non-separable';
        await expectLoss(
          t,
          data.y,
          data.p,
          `bceLoss(y, p) on a ${kind} dataset (400 labels), p = σ(X·w)`,
        );
      }
      // The top of the size ladder: a mean over every one of 5,000 examples, with labels drawn
      // from their p (a product of 5,000 likelihoods underflows; a sample of the first
      // thousand is not the mean).
      const random = createRandom(58);
      const pLarge = Array.from({ length: 5000 }, () => 0.02 + 0.96 * random.uniform());
      const yLarge = pLarge.map((pi) => (random.uniform() < pi ? 1 : 0));
      await expectLoss(t, yLarge, pLarge, 'bceLoss(y, p) with 5000 labels y and probabilities p');
      await t.property(
        examples(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), 20),
        async (items) => {
          const { y, p } = split(items);
          await expectLoss(t, y, p);
        },
        { numRuns: 25 },
      );
    },
  },
  {
    name: 'several p for one y',
    async run(t) {
      // A training loop scores new probabilities against the same label array every step.
      const { y } = makeData({ n: 50, d: 3, seed: 57 });
      const [labels] = await t.keep(y);
      const random = createRandom(t.seed);
      const ps = [0, 1, 2].map(() => y.map(() => 0.05 + 0.9 * random.uniform()));
      // The first failure keeps its mistake only if the probe confirms it.
      await confirmingFailure(t, () =>
        expectRightOnRepeat(
          t,
          ps.length,
          (index) => {
            const p = ps[index] ?? [];
            return {
              args: [labels, p],
              tried: `bceLoss(y, p) with the same 50 labels y and new probabilities p (call ${index + 1})`,
              expectRight(returned, tried) {
                const got = asNumber(t, returned, 'one number, the mean loss');
                const expected = reference(y, p);
                if (close(got, expected, rel, abs)) return;
                const [gotText, expectedText] = formatApart(got, expected);
                t.fail({
                  tried,
                  expected: expectedText,
                  got: gotText,
                  mistake: diagnose(y, p, got),
                });
              },
            };
          },
          'label array y',
        ),
      );
    },
  },
  {
    name: 'finite at p = 0 and p = 1',
    async run(t) {
      // Right and certain: the clipped loss is about ε, so anything tiny is fine (log(p + ε)
      // even gives −ε here, which is harmless).
      const right = await t.call([
        [1, 0],
        [1, 0],
      ]);
      const small = asNumber(t, right, 'one number, the mean loss');
      if (!(Math.abs(small) <= 1e-5)) {
        // 0·log 0 and log 0 are what p = 0 and p = 1 alone do: confirmed only when the same
        // function is right where no p is 0 or 1 (a NaN from reading past the end is not).
        const fine = [1, 0];
        const half = [0.5, 0.5];
        const interiorRight =
          !Number.isFinite(small) &&
          close(
            asNumber(t, await t.call([fine, half]), 'one number, the mean loss'),
            reference(fine, half),
            rel,
            abs,
          );
        // 0·log 0 is NaN only where y and p agree; where they disagree the same formula gives
        // log 0 = Infinity. A NaN there too comes from something else (0·Infinity, say).
        const zeroLogZero =
          Number.isNaN(small) &&
          !Number.isNaN(
            asNumber(
              t,
              await t.call([
                [1, 0],
                [0, 1],
              ]),
              'one number, the mean loss',
            ),
          );
        t.fail({
          tried: right.tried,
          expected: `a loss close to 0 (both predictions are right and certain), e.g. ${formatNumber(reference([1, 0], [1, 0]))}`,
          got: formatNumber(small),
          note:
            Number.isFinite(small) || interiorRight
              ? undefined
              : `bceLoss(${formatVector(fine)}, ${formatVector(half)}) is not right either, so p = 0 and p = 1 are not the only trouble.`,
          mistake:
            !Number.isFinite(small) && !interiorRight
              ? undefined
              : Number.isNaN(small)
                ? zeroLogZero
                  ? 'zero-log-zero'
                  : undefined
                : !Number.isFinite(small)
                  ? 'log-zero'
                  : // Below 0 is also log(p + ε), or a minus on one term only: the probe tells.
                    small < 0
                    ? await confirmed(t, 'sign-flipped')
                    : small < 0.05 && (await rightOnOrdinaryP(t))
                      ? 'clips-too-much'
                      : undefined,
        });
      }
      // Wrong and certain: large but finite, −log ε for the clipping bound ε.
      const wrong = await t.call([
        [1, 0],
        [0, 1],
      ]);
      const large = asNumber(t, wrong, 'one number, the mean loss');
      if (!(Number.isFinite(large) && large >= 10)) {
        t.fail({
          tried: wrong.tried,
          expected: `a large, finite loss: −log ε for your clipping bound ε (${formatNumber(reference([1, 0], [0, 1]))} for ε = 1e-12)`,
          got: formatNumber(large),
          mistake: Number.isNaN(large)
            ? 'zero-log-zero'
            : !Number.isFinite(large)
              ? 'log-zero'
              : large < 0
                ? await confirmed(t, 'sign-flipped')
                : large === 0
                  ? 'skips-examples'
                  : // A bound ε caps the cost at −log ε; a small answer from a function that is
                    // also wrong on ordinary p (a wrong mean, say) is something else.
                    (await rightOnOrdinaryP(t))
                    ? 'clips-too-much'
                    : undefined,
        });
      }
    },
  },
  {
    name: 'mean, not sum',
    async run(t) {
      await t.property(
        fc.tuple(
          examples(fc.double({ min: 0.01, max: 0.99, noNaN: true }), 5),
          fc.integer({ min: 2, max: 4 }),
        ),
        async ([items, copies]) => {
          const once = split(items);
          const many = split(Array.from({ length: copies }, () => items).flat());
          const single = asNumber(t, await t.call([once.y, once.p]), 'one number, the mean loss');
          const returned = await t.call([many.y, many.p]);
          const repeated = asNumber(t, returned, 'one number, the mean loss');
          if (!Number.isFinite(single)) {
            t.fail({
              tried: `bceLoss(${formatVector(once.y)}, ${formatVector(once.p)})`,
              expected: `a finite loss, ${formatNumber(reference(once.y, once.p))} (every p is between 0.01 and 0.99)`,
              got: formatNumber(single),
              mistake: await confirmed(t, diagnose(once.y, once.p, single)),
            });
          }
          if (close(repeated, single, 1e-9, abs)) return;
          t.fail({
            tried: `bceLoss(${formatVector(once.y)}, ${formatVector(once.p)}), then the same ${copies} times over: ${returned.tried}`,
            expected: `the same loss both times, ${formatNumber(single)}: copying every example does not change a mean`,
            got: `${formatNumber(single)}, then ${formatNumber(repeated)}`,
            // A sum, not a mean divided by a fixed count: n times the mean on the first call too.
            // With one example that holds of any wrong divisor that is 1 there (the number of
            // positives, say): the probe, with five, tells.
            mistake:
              close(repeated, copies * single, 1e-6, abs) &&
              close(single, once.y.length * reference(once.y, once.p), 1e-6, abs)
                ? await confirmed(t, 'sum-not-mean')
                : undefined,
          });
        },
        { numRuns: 10, examples: [[[{ y: 1, p: 0.5 }], 3] as [Example[], number]] },
      );
    },
  },
  {
    name: 'never negative',
    async run(t) {
      await t.property(
        examples(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), 10),
        async (items) => {
          const { y, p } = split(items);
          const returned = await t.call([y, p]);
          const got = asNumber(t, returned, 'one number, the mean loss');
          if (got >= 0) return;
          t.fail({
            tried: returned.tried,
            expected: `a loss ≥ 0 (here ${formatNumber(reference(y, p))})`,
            got: formatNumber(got),
            mistake: await confirmed(t, diagnose(y, p, got)),
          });
        },
        { numRuns: 15, examples: [[{ y: 1, p: 0.5 }]] },
      );
    },
  },
  leavesArguments([
    [
      [1, 0, 1, 0, 1],
      [0, 1, 0.25, 0.75, 1],
    ],
  ]),
]);
