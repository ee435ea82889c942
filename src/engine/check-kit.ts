// What a hidden check is written with (lessons/NN-id/checks.ts): calling the student's export
// in the sandbox, reading what came back, failing with what was tried, expected and got, and
// searching inputs with fast-check so the smallest failing input is the one shown.
import fc from 'fast-check';
import type { DataOptions, Dataset } from './datasets.js';
import { describeValue, formatExact, formatNumber, formatShape, formatVector } from './format.js';
import {
  type CallOutcome,
  type CallRequest,
  type FunctionArgument,
  Handle,
  SandboxStopped,
  type ThrownError,
} from './sandbox.js';

export { Handle } from './sandbox.js';

/** One named hidden check of a task. */
export interface CheckSpec {
  /** Shown to the student, says what is checked: `σ(−z) = 1 − σ(z)`. Unique within a task. */
  readonly name: string;
  /** Resolves when the check passes; fails by throwing a CheckFailure (through `t.fail`). */
  run(t: CheckContext): Promise<void>;
}

/** Lists a task's checks; the identity function, for type inference in checks files. */
export function defineChecks(checks: readonly CheckSpec[]): readonly CheckSpec[] {
  return checks;
}

/** Why a check failed, in the lab's terms. Every field is optional but say as much as you know. */
export interface Failure {
  /** The call that was tried, small and concrete: `sigmoid([-1000, 0, 1000])`. */
  readonly tried?: string;
  readonly expected?: string;
  readonly got?: string;
  /** Id of a mistake in the lesson's `mistakes` that explains the result. */
  readonly mistake?: string;
  /** One more sentence, where no named mistake fits. */
  readonly note?: string;
  /** The student's function still throws the starter's TODO error. */
  readonly notImplemented?: boolean;
}

/** Thrown by `t.fail`; the runner turns it into a failed CheckResult. */
export class CheckFailure extends Error {
  override readonly name = 'CheckFailure';
  constructor(readonly failure: Failure) {
    super(failure.note ?? failure.got ?? 'check failed');
  }
}

/** A student call that returned normally. */
export interface Returned {
  readonly value: unknown;
  /** Round-trip time of the call, measured by the tutor (includes copying the arguments). */
  readonly elapsedMs: number;
  /**
   * Time inside the student's function alone: no copying, no message latency, so it is the
   * fairer measure of the function's own cost (the sandbox's clock is bound before student
   * code loads, so it cannot be patched).
   */
  readonly computeMs: number;
  /** How many times a function argument (`t.fn`) was called during the call. */
  readonly functionCalls: number;
  /** The call as shown to the student, for `tried`. */
  readonly tried: string;
  /** The returned value, kept in the sandbox: when the call was made with `keepResult`. */
  readonly handle?: Handle;
  /**
   * How the call changed an argument (`w[1] was 0.5, is now 0.49`): only on calls made with
   * `allowMutation`, where a change does not fail the call by itself.
   */
  readonly argumentChange?: string;
}

/** Options of one call. */
export interface CallOptions {
  /** How to show the call, when the default rendering of its arguments would not be clear. */
  readonly tried?: string;
  /** Skip the in-place-modification check (for arguments the call is allowed to touch). */
  readonly allowMutation?: boolean;
  /**
   * Keep the returned value in the sandbox and return a Handle to it (`Returned.handle`), so the
   * next call can take it as is: a loop of steps (`w = gdStep(X, y, w, lr)`) sends only handles.
   */
  readonly keepResult?: boolean;
}

/** What the runner gives a check. */
export interface CheckContext {
  /** The task's export, e.g. `sigmoid`. */
  readonly exportName: string;
  /** Its parameter names, for messages: `['X', 'y', 'w']`. */
  readonly params: readonly string[];
  /** A seed for this check's random inputs, fixed so a failure can be reproduced. */
  readonly seed: number;
  /**
   * Calls the student's export with `args` in the sandbox. Fails the check when it threw,
   * still holds the TODO, returned a Promise, returned something that cannot be read, or
   * modified an argument. An argument may be a Handle (from `keep` or `keepResult`): the
   * student's function then gets the very object that lives in the sandbox.
   *
   * One run is one module instance: module state persists across every call of every check
   * of the run, so a function that remembers earlier calls is seen doing so.
   */
  call(args: readonly unknown[], options?: CallOptions): Promise<Returned>;
  /**
   * Several calls in one round trip to the sandbox (they run in order), each read and checked
   * as `call` would; the first that fails fails the check. Use it where a check makes many
   * small calls whose arguments do not depend on earlier results.
   */
  callEach(argsList: readonly (readonly unknown[])[], options?: CallOptions): Promise<Returned[]>;
  /**
   * Sends values to the sandbox once and returns a Handle for each: pass them to `call` to call
   * the function twice on the same objects (a dataset sent once, a mutation seen by the next
   * call). `Handle.value` is the tutor's copy, for references and messages.
   */
  keep(...values: readonly unknown[]): Promise<Handle[]>;
  /**
   * The lab's dataset (`makeData` with these options), made in the sandbox from its seed and
   * here for the references: Handles to the student's X and y, and the tutor's own copy. Only
   * the seed crosses, so a 5,000 × 20 X costs no copying, and nothing the student's code does
   * to its X changes the data the references use.
   */
  dataset(options: Required<DataOptions>): Promise<{ X: Handle; y: Handle; data: Dataset }>;
  /**
   * Changes a held vector in place inside the sandbox, as the student's own loop does when it
   * writes new values into the array it passed before (the same object, the same length). The
   * Handle returned is the same object, with the new values as the tutor's copy: pass it to the
   * next call to see whether the function answers for the new values or for the old object.
   */
  overwrite(handle: Handle, values: readonly number[]): Promise<Handle>;
  /** Fails the check. */
  fail(failure: Failure): never;
  /**
   * Tries `body` on inputs from `arbitrary`; on failure, shrinks to the smallest input that
   * still fails and reports that one.
   */
  property<T>(
    arbitrary: fc.Arbitrary<T>,
    body: (input: T) => Promise<void>,
    options?: PropertyOptions<T>,
  ): Promise<void>;
}

/** Options of `t.property`. */
export interface PropertyOptions<T> {
  /** How many inputs to try (default 100). */
  readonly numRuns?: number;
  /** Inputs always tried first. */
  readonly examples?: readonly T[];
}

/** A function argument built inside the sandbox (functions cannot be sent to it). */
export function sandboxFunction(spec: FunctionArgument['__logregFunction']): FunctionArgument {
  return { __logregFunction: spec };
}

/** Evaluates, in the tutor, the same function the sandbox builds from `spec`. */
export function evaluateFunction(
  spec: FunctionArgument['__logregFunction'],
  w: readonly number[],
): number {
  switch (spec.kind) {
    case 'poly': {
      let total = 0;
      w.forEach((x, i) => {
        total +=
          (spec.a[i] ?? 0) * x +
          (spec.b[i] ?? 0) * x * x +
          (spec.c[i] ?? 0) * x * x * x +
          (spec.d[i] ?? 0) * Math.sin(x);
      });
      if (spec.Q) {
        for (let i = 0; i < w.length; i++) {
          for (let j = 0; j < w.length; j++)
            total += 0.5 * (spec.Q[i]?.[j] ?? 0) * (w[i] ?? 0) * (w[j] ?? 0);
        }
      }
      return total;
    }
    case 'logistic-loss': {
      let total = 0;
      spec.X.forEach((row, i) => {
        let z = 0;
        row.forEach((x, j) => {
          z += x * (w[j] ?? 0);
        });
        const softplus = z > 0 ? z + Math.log(1 + Math.exp(-z)) : Math.log(1 + Math.exp(z));
        total += softplus - (spec.y[i] ?? 0) * z;
      });
      return total / spec.X.length;
    }
    case 'cosine':
      return w.reduce((total, x, i) => total + Math.cos((spec.k[i] ?? 0) * x), 0);
  }
}

// --- reading what came back -------------------------------------------------------------

/**
 * The returned value as a vector of `length` numbers (number[] or Float64Array accepted), or a
 * failed check saying what came back instead. NaN and ±Infinity are let through: whether they
 * are wrong is the check's call.
 */
export function asVector(
  t: CheckContext,
  returned: Returned,
  length: number,
  what = 'a vector',
): number[] {
  const { value } = returned;
  const isVector =
    value instanceof Float64Array ||
    (Array.isArray(value) && value.every((x) => typeof x === 'number'));
  if (!isVector) {
    t.fail({
      tried: returned.tried,
      expected: `${what}: a number[] or Float64Array of length ${length}`,
      got: describeValue(value),
      mistake: Array.isArray(value) && value.every(Array.isArray) ? 'returns-matrix' : undefined,
    });
  }
  const vector = Array.from(value as ArrayLike<number>);
  if (vector.length !== length) {
    t.fail({
      tried: returned.tried,
      expected: `${what} of length ${length}`,
      got: `${vector.length} values: ${formatVector(vector)}`,
      mistake: 'wrong-length',
    });
  }
  return vector;
}

/** The returned value as one number, or a failed check saying what came back instead. */
export function asNumber(t: CheckContext, returned: Returned, what = 'a number'): number {
  const { value } = returned;
  if (typeof value !== 'number') {
    const single = (Array.isArray(value) || value instanceof Float64Array) && value.length === 1;
    t.fail({
      tried: returned.tried,
      expected: what,
      got: describeValue(value),
      note: single ? 'Return the number itself, not a one-element array.' : undefined,
      mistake: Array.isArray(value) || value instanceof Float64Array ? 'returns-vector' : undefined,
    });
  }
  return value;
}

/** The returned value as an object with these keys, or a failed check. */
export function asRecord<K extends string>(
  t: CheckContext,
  returned: Returned,
  keys: readonly K[],
): Record<K, unknown> {
  const { value } = returned;
  const record = value as Record<string, unknown> | null;
  const missing =
    record && typeof record === 'object' && !Array.isArray(record)
      ? keys.filter((key) => !(key in record))
      : keys;
  if (missing.length > 0) {
    t.fail({
      tried: returned.tried,
      expected: `an object { ${keys.join(', ')} }`,
      got: describeValue(value),
      note: Array.isArray(value)
        ? `An array came back: return an object with the fields ${keys.join(' and ')}.`
        : undefined,
    });
  }
  return record as Record<K, unknown>;
}

// --- comparing -------------------------------------------------------------------------

/** |a − b| ≤ abs + rel·|b|, and NaN only equals NaN, ±Infinity only itself. */
export function close(a: number, b: number, rel: number, abs = 0): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= abs + rel * Math.abs(b);
}

/** Index of the first entry where `got` is not close to `expected`, or -1. */
export function firstMismatch(
  got: readonly number[],
  expected: readonly number[],
  rel: number,
  abs = 0,
): number {
  return expected.findIndex((e, i) => !close(got[i] ?? Number.NaN, e, rel, abs));
}

/** Largest |gotᵢ − expectedᵢ| (NaN if any entry is NaN). */
export function maxAbsDiff(got: readonly number[], expected: readonly number[]): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const diff = Math.abs((got[i] ?? Number.NaN) - (expected[i] ?? Number.NaN));
    if (Number.isNaN(diff)) return Number.NaN;
    worst = Math.max(worst, diff);
  }
  return worst;
}

/** `got` ≈ `expected` entrywise within the given tolerance. */
export function allClose(
  got: readonly number[],
  expected: readonly number[],
  rel: number,
  abs = 0,
): boolean {
  return got.length === expected.length && firstMismatch(got, expected, rel, abs) === -1;
}

// --- the runner's side ------------------------------------------------------------------

/** What the runner needs to make a CheckContext for one check. */
export interface ContextDeps {
  readonly exportName: string;
  readonly params: readonly string[];
  readonly seed: number;
  readonly file: string;
  call(
    exportName: string,
    args: readonly unknown[],
    options: { keep?: boolean },
  ): Promise<CallOutcome>;
  callMany(requests: readonly CallRequest[]): Promise<CallOutcome[]>;
  keep(values: readonly unknown[]): Promise<Handle[]>;
  dataset(options: Required<DataOptions>): Promise<{ X: Handle; y: Handle; data: Dataset }>;
  overwrite(handle: Handle, values: readonly number[]): Promise<Handle | undefined>;
  mapStack(error: ThrownError): string;
}

/** Builds the context a check runs with. */
export function makeCheckContext(deps: ContextDeps): CheckContext {
  const { exportName, params, seed, file } = deps;
  /** What one call came to, as a Returned or a failed check. */
  const read = (outcome: CallOutcome, args: readonly unknown[], options: CallOptions): Returned => {
    const tried = options.tried ?? formatCall(exportName, params, args);
    switch (outcome.kind) {
      case 'missing':
        return context.fail({
          tried,
          expected: `\`${file}\` to export a function \`${exportName}\``,
          got:
            outcome.found === 'undefined'
              ? `no export named \`${exportName}\``
              : `\`${exportName}\` is a ${outcome.found}`,
          note: `Keep the line \`export function ${exportName}(…)\` from the starter.`,
        });
      case 'unreadable':
        return context.fail({
          tried,
          expected: 'plain numbers and arrays of numbers',
          got: `something the checks cannot read: ${outcome.reason}`,
        });
      case 'promise':
        return context.fail({
          tried,
          expected: 'a value, returned synchronously',
          got: 'a Promise',
          mistake: 'returns-promise',
          note: 'Remove `async` from the function: the math needs no waiting.',
        });
      case 'throw': {
        const { error } = outcome;
        if (/^TODO\b/.test(error.message)) {
          return context.fail({ tried, notImplemented: true, got: `Error: ${error.message}` });
        }
        const where = deps.mapStack(error);
        return context.fail({
          tried,
          got: `it threw ${error.name}: ${error.message}${where ? `\n${where}` : ''}`,
        });
      }
      case 'value': {
        const before = args.map((arg) => (arg instanceof Handle ? arg.value : arg));
        if (!options.allowMutation)
          checkUnchanged(context, tried, params, before, outcome.argsAfter);
        const changed = options.allowMutation
          ? argumentChanged(params, before, outcome.argsAfter)
          : undefined;
        return {
          ...(changed ? { argumentChange: describeChange(changed.name, changed.change) } : {}),
          value: outcome.value,
          elapsedMs: outcome.elapsedMs,
          computeMs: outcome.computeMs,
          functionCalls: outcome.functionCalls,
          tried,
          ...(outcome.handle ? { handle: outcome.handle } : {}),
        };
      }
    }
  };
  const context: CheckContext = {
    exportName,
    params,
    seed,
    fail(failure: Failure): never {
      throw new CheckFailure(failure);
    },
    async call(args, options = {}) {
      const outcome = await deps.call(exportName, args, { keep: options.keepResult ?? false });
      return read(outcome, args, options);
    },
    async callEach(argsList, options = {}) {
      const outcomes = await deps.callMany(
        argsList.map((args) => ({ exportName, args, keep: options.keepResult ?? false })),
      );
      return outcomes.map((outcome, index) => read(outcome, argsList[index] ?? [], options));
    },
    keep: (...values) => deps.keep(values),
    dataset: (options) => deps.dataset(options),
    async overwrite(handle, values) {
      const changed = await deps.overwrite(handle, values);
      if (changed) return changed;
      return context.fail({
        expected: 'an argument the caller can still change after the call',
        got: 'the array passed in was frozen or sealed by the function',
        note: 'Leave the arrays you are given as they are: the caller owns them and writes new values into them between calls.',
      });
    },
    async property(arbitrary, body, options = {}) {
      let stopped: SandboxStopped | undefined;
      let lastFailure: CheckFailure | undefined;
      const result = await fc.check(
        fc.asyncProperty(arbitrary, async (input) => {
          if (stopped) return true;
          try {
            await body(input);
            return true;
          } catch (error) {
            if (error instanceof SandboxStopped) {
              stopped = error;
              return true;
            }
            if (error instanceof CheckFailure) {
              // During shrinking only failing inputs are recorded, so the last one is the smallest.
              lastFailure = error;
              return false;
            }
            throw error;
          }
        }),
        {
          seed,
          numRuns: options.numRuns ?? 100,
          examples: options.examples?.map((example) => [example] as [typeof example]),
        },
      );
      if (stopped) throw stopped;
      if (result.failed) {
        if (lastFailure) throw lastFailure;
        throw (
          result.errorInstance ?? new Error(`property failed: ${String(result.counterexample)}`)
        );
      }
    },
  };
  return context;
}

/** The first argument the call changed, by name, with the change shown. */
function argumentChanged(
  params: readonly string[],
  before: readonly unknown[],
  after: readonly unknown[],
): { name: string; change: Change } | undefined {
  for (let index = 0; index < before.length; index++) {
    const change = findChange(before[index], after[index], '');
    if (change) return { name: params[index] ?? `argument ${index + 1}`, change };
  }
  return undefined;
}

function checkUnchanged(
  t: CheckContext,
  tried: string,
  params: readonly string[],
  before: readonly unknown[],
  after: readonly unknown[],
): void {
  const changed = argumentChanged(params, before, after);
  if (!changed) return;
  const { name, change } = changed;
  t.fail({
    tried,
    expected: `${name} left as it was`,
    got: describeChange(name, change),
    mistake: 'mutates-argument',
    note: `The function changed its argument \`${name}\` in place. ${copyAdvice(name, change)}`,
  });
}

/** How to leave `name` alone: a matrix needs its rows copied too, `[...X]` shares them. */
function copyAdvice(name: string, change: Change): string {
  const depth = (change.path.match(/\[/g) ?? []).length;
  const inRow = depth >= 2 || (change.kind === 'length' && depth >= 1);
  return inRow
    ? `Copy the rows you change (\`${name}.map((row) => [...row])\`): \`[...${name}]\` still shares them.`
    : `Work on a copy (\`[...${name}]\` or \`${name}.map(…)\`) and leave \`${name}\` as it came.`;
}

/** A change found in an argument: a value (at `path`) or the length of an array. */
type Change =
  | {
      readonly kind: 'value';
      readonly path: string;
      readonly was: number;
      readonly now: unknown;
      /** How many entries of the argument changed (this one changed the most). */
      readonly count: number;
    }
  | { readonly kind: 'length'; readonly path: string; readonly was: number; readonly now: number };

/** How far an entry moved: a non-number or NaN where a number was counts as the most. */
function distance(was: number, now: unknown): number {
  if (typeof now !== 'number') return Number.POSITIVE_INFINITY;
  const diff = Math.abs(now - was);
  return Number.isNaN(diff) ? Number.POSITIVE_INFINITY : diff;
}

/**
 * The change to show: a changed length first (it says the most), else the entry that moved the
 * most, with how many entries changed in all.
 */
function findChange(was: unknown, now: unknown, path: string): Change | undefined {
  const changed: { path: string; was: number; now: unknown }[] = [];
  let length: Change | undefined;
  // The indices down to the entry being compared; written out as `[i][j]` only for a change.
  const indices: number[] = [];
  const at = () => `${path}${indices.map((i) => `[${i}]`).join('')}`;
  const walk = (before: unknown, after: unknown): void => {
    // The call's own copy came back untouched (the sandbox returns the same object then).
    if (before === after && typeof before === 'object') return;
    if (typeof before === 'number') {
      if (!(typeof after === 'number' && Object.is(before, after)))
        changed.push({ path: at(), was: before, now: after });
      return;
    }
    if (Array.isArray(before) || before instanceof Float64Array) {
      const items = after as ArrayLike<unknown> | undefined;
      for (let i = 0; i < before.length; i++) {
        indices.push(i);
        walk(before[i], items?.[i]);
        indices.pop();
      }
      // Pushing onto an argument (say, a bias column onto each row of X) changes it too.
      const now = items?.length ?? 0;
      if (now !== before.length && !length)
        length = { kind: 'length', path: at(), was: before.length, now };
    }
  };
  walk(was, now);
  if (length) return length;
  let worst = changed[0];
  for (const entry of changed) {
    if (worst && distance(entry.was, entry.now) > distance(worst.was, worst.now)) worst = entry;
  }
  return worst && { kind: 'value', ...worst, count: changed.length };
}

/**
 * "w[1] was -0.5, is now -0.49999999999999994", with every digit when six do not differ, and
 * how many entries changed when more than one did.
 */
function describeChange(name: string, change: Change): string {
  if (change.kind === 'length') {
    return `${name}${change.path} had ${change.was} entries, now has ${change.now}`;
  }
  const others = change.count > 1 ? ` (the largest change of ${change.count} changed entries)` : '';
  if (typeof change.now !== 'number') {
    return `${name}${change.path} was ${formatNumber(change.was)}, is now ${describeValue(change.now)}${others}`;
  }
  const short = [formatNumber(change.was), formatNumber(change.now)];
  const [was, now] =
    short[0] === short[1] ? [formatExact(change.was), formatExact(change.now)] : short;
  return `${name}${change.path} was ${was}, is now ${now}${others}`;
}

/** `sigmoid([-1, 0, 1])`, with matrices shown by shape: `lossAndGrad(X (400×5), y, w)`. */
export function formatCall(
  exportName: string,
  params: readonly string[],
  args: readonly unknown[],
): string {
  const rendered = args.map((given, index) => {
    const name = params[index] ?? `arg${index + 1}`;
    const arg = given instanceof Handle ? given.value : given;
    if (arg && typeof arg === 'object' && '__logregFunction' in arg) return name;
    if (Array.isArray(arg) && arg.every(Array.isArray))
      return `${name} (${formatShape(arg as number[][])})`;
    if (Array.isArray(arg) || arg instanceof Float64Array) {
      const vector = arg as ArrayLike<number>;
      return vector.length > 8 ? `${name} (${vector.length} values)` : formatVector(vector);
    }
    if (typeof arg === 'number') return formatNumber(arg);
    return describeValue(arg);
  });
  return `${exportName}(${rendered.join(', ')})`;
}
