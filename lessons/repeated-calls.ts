// Calls repeated on the same argument objects, as a student's own code makes them (several GD
// steps on one dataset, gradient checks at several w, H·v with several v on one X): the objects
// are kept in the sandbox (Handles), so a function that remembers earlier calls by their
// argument objects meets them again and is seen doing so.
import { type CheckContext, CheckFailure, Handle, type Returned } from '../src/engine/check-kit.js';
import type { Dataset } from '../src/engine/datasets.js';

/** One call of a sequence: its arguments (Handles where the same object is meant). */
export interface RepeatedCall {
  readonly args: readonly unknown[];
  /** The call as shown to the student. */
  readonly tried: string;
  /** Leave a changed argument to the task's own check of that (for arguments sent afresh). */
  readonly allowMutation?: boolean;
  /** Fails the check (through `t.fail`) unless the value returned is right for these arguments. */
  expectRight(returned: Returned, tried: string): void;
}

/** The arguments with every Handle replaced by a fresh copy of its value. */
const fresh = (args: readonly unknown[]) =>
  args.map((arg) => (arg instanceof Handle ? structuredClone(arg.value) : arg));

/**
 * Makes the calls `next(0)`, `next(1, first result)`, … in order, each judged by its own
 * `expectRight`. When one is wrong, the same call is made again on fresh copies of its
 * arguments: right then, the fault is something kept from an earlier call and tied to the
 * argument objects, and the message says so; wrong again, the plain failure stands.
 */
export async function expectRightOnRepeat(
  t: CheckContext,
  count: number,
  next: (index: number, previous: Returned | undefined) => RepeatedCall | Promise<RepeatedCall>,
  /** The argument objects the calls share, up to this one: `X and y arrays`. */
  objects: string | ((index: number) => string),
): Promise<void> {
  const shared = (index: number) => (typeof objects === 'string' ? objects : objects(index));
  let previous: Returned | undefined;
  const made: string[] = [];
  for (let index = 0; index < count; index++) {
    const call = await next(index, previous);
    const options = { tried: call.tried, allowMutation: call.allowMutation ?? false };
    const returned = await t.call(call.args, options);
    made.push(call.tried);
    const failure = failureOf(() => call.expectRight(returned, call.tried));
    if (!failure) {
      previous = returned;
      continue;
    }
    if (returned.argumentChange) {
      // Its input changed under it: the value proves nothing about the formula or about state.
      t.fail({
        ...failure.failure,
        mistake: undefined,
        note: `The call also changed its argument in place (${returned.argumentChange}), so its value is not judged here; the task's check of its arguments says how to leave them alone.`,
      });
    }
    if (index === 0) throw failure;
    const again = await t.call(fresh(call.args), options);
    if (failureOf(() => call.expectRight(again, call.tried))) throw failure;
    t.fail({
      ...failure.failure,
      tried: `${made.slice(0, -1).join(', then ')}, then ${call.tried}, all on the same ${shared(index)}`,
      mistake: undefined,
      note: `Made again on fresh copies of the same values, this call comes back right: on the same ${shared(index)} as the calls before it, the function answered from something it kept from an earlier call (a cache or a module variable tied to the argument objects).`,
    });
  }
}

function failureOf(body: () => void): CheckFailure | undefined {
  try {
    body();
    return undefined;
  } catch (error) {
    if (error instanceof CheckFailure) return error;
    throw error;
  }
}

/** A dataset held in the sandbox, with the tutor's copy for references and its shape. */
export interface HeldDataset {
  readonly X: Handle;
  readonly y: Handle;
  readonly data: Dataset;
  /** `5000×20`, for messages. */
  readonly shape: string;
}

/**
 * The datasets of a sequence of `count` calls: one of 100×20 for every call but the last, the
 * same objects each time, and 5000×20 for the last, the top of the size ladder (the largest,
 * so it gets one call).
 */
export async function ladderDatasets(
  t: CheckContext,
  seed: number,
  count: number,
): Promise<(index: number) => HeldDataset> {
  const hold = async (n: number): Promise<HeldDataset> => ({
    ...(await t.dataset({ n, d: 20, separable: false, seed: seed + n })),
    shape: `${n}×20`,
  });
  const [small, large] = [await hold(100), await hold(5000)];
  return (index) => (index === count - 1 ? large : small);
}
