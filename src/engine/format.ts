// Short, concrete renderings of numbers, vectors and matrices for check messages.

/** A number as a student would write it: 0.5, 4.54e-5, 1e-304, NaN, Infinity, −0 kept as 0. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Number.POSITIVE_INFINITY) return 'Infinity';
  if (x === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (x === 0) return '0';
  const magnitude = Math.abs(x);
  if (magnitude >= 1e-4 && magnitude < 1e6) return String(Number(x.toPrecision(6)));
  return x
    .toExponential(4)
    .replace(/\.?0+e/, 'e')
    .replace('e+', 'e');
}

/** A duration in seconds for messages: `5 s`, `0.5 s`. */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s`;
}

/** A number with all its digits, for when six are not enough to see a difference. */
export function formatExact(x: number): string {
  return Number.isFinite(x) ? String(x) : formatNumber(x);
}

/** `[a, b, c]`, eliding the middle of long vectors: `[a, b, c, …, y, z] (400 values)`. */
export function formatVector(v: ArrayLike<number>, max = 8, format = formatNumber): string {
  const items = Array.from(v as ArrayLike<number>, (x) =>
    typeof x === 'number' ? format(x) : String(x),
  );
  if (items.length <= max) return `[${items.join(', ')}]`;
  const head = items.slice(0, max - 2);
  const tail = items.slice(-2);
  return `[${head.join(', ')}, …, ${tail.join(', ')}] (${items.length} values)`;
}

/** `n×d` for a list of rows. */
export function formatShape(X: readonly ArrayLike<number>[]): string {
  return `${X.length}×${X[0]?.length ?? 0}`;
}

/** Any value the student's code returned, briefly, for "got …". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined (nothing was returned: is a `return` missing?)';
  if (value === null) return 'null';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (value instanceof Float64Array) return `Float64Array ${formatVector(value)}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === 'number')) return formatVector(value);
    if (value.every((item) => Array.isArray(item)))
      return `a ${value.length}×${(value[0] as unknown[]).length} matrix (a list of rows)`;
    return `an array of ${value.length} items [${value
      .slice(0, 4)
      .map((item) => describeValue(item))
      .join(', ')}${value.length > 4 ? ', …' : ''}]`;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.unclonable === 'string') return `a ${record.unclonable}`;
    const keys = Object.keys(record);
    return `an object with ${keys.length === 0 ? 'no keys' : `keys ${keys.map((key) => `\`${key}\``).join(', ')}`}`;
  }
  return typeof value;
}

/**
 * Two numbers that differ, each shown with enough digits to see the difference: six when six
 * already differ, otherwise every digit (the shortest form that reads back as the same double).
 */
export function formatApart(a: number, b: number): [string, string] {
  const short: [string, string] = [formatNumber(a), formatNumber(b)];
  return short[0] === short[1] && !Object.is(a, b) ? [formatExact(a), formatExact(b)] : short;
}

/** Vectors entry by entry with enough digits that every differing pair is seen to differ. */
export function formatVectorsApart(
  got: readonly number[],
  expected: readonly number[],
  max = 8,
): [string, string] {
  const hidden = got.some(
    (g, i) => !Object.is(g, expected[i]) && formatNumber(g) === formatNumber(expected[i] ?? 0),
  );
  const format = hidden ? formatExact : formatNumber;
  return [formatVector(got, max, format), formatVector(expected, max, format)];
}

/** How far `got` is from `expected`: `off by 2.6e-18 (relative 1.6e-9)`. */
export function formatDifference(got: number, expected: number): string {
  if (!Number.isFinite(got) || !Number.isFinite(expected)) return `${formatNumber(got)} instead`;
  const absolute = Math.abs(got - expected);
  const relative = expected === 0 ? undefined : absolute / Math.abs(expected);
  return `off by ${formatNumber(absolute)}${relative === undefined ? '' : ` (relative ${formatNumber(relative)})`}`;
}
