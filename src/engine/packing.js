// Moves plain numeric data between the tutor and the sandbox as Float64Arrays. Structured
// clone copies a number[][] element by element (~0.25 ms for a 400×5 X); packed, the same
// matrix crosses as one typed array. pack and unpack are exact inverses on plain data
// (NaN, ±Infinity and −0 included), so neither side can tell it happened.
// The sandbox packs values of a student's realm (another V8 context): every test here works
// across realms (no instanceof, no comparison with this realm's Object.prototype).
import { types } from 'node:util';

const isArray = Array.isArray;
const isFloat64Array = types.isFloat64Array;
const F64 = Float64Array;
const I32 = Int32Array;
const getPrototypeOf = Object.getPrototypeOf;
const ObjectKeys = Object.keys;

/**
 * A copy of `value` safe to post: numeric vectors and lists of numeric rows packed, functions
 * and promises replaced by a description (they cannot be cloned).
 * @param {unknown} value
 * @returns {unknown}
 */
export function pack(value) {
  if (value === null || typeof value !== 'object') {
    return typeof value === 'function' || typeof value === 'symbol'
      ? { unclonable: typeof value }
      : value;
  }
  if (isFloat64Array(value)) return new F64(/** @type {Float64Array} */ (value));
  if (isArray(value)) return packArray(value);
  const record = /** @type {Record<string, unknown>} */ (value);
  if (typeof record.then === 'function') return { unclonable: 'promise' };
  if (!isPlainObject(value)) return value;
  /** @type {Record<string, unknown>} */
  const copy = {};
  for (const key of ObjectKeys(record)) copy[key] = pack(record[key]);
  return copy;
}

/** @param {unknown[]} array */
function packArray(array) {
  const n = array.length;
  let numbers = true;
  let rows = n > 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const item = array[i];
    if (typeof item !== 'number') numbers = false;
    if (rows && isArray(item)) {
      for (let j = 0; j < item.length; j++) {
        if (typeof item[j] !== 'number') {
          rows = false;
          break;
        }
      }
      total += item.length;
    } else {
      rows = false;
    }
    if (!numbers && !rows) break;
  }
  if (numbers) {
    const data = new F64(n);
    for (let i = 0; i < n; i++) data[i] = /** @type {number} */ (array[i]);
    return { __logregPacked: 'vector', data };
  }
  if (rows) {
    const data = new F64(total);
    const lengths = new I32(n);
    let at = 0;
    for (let i = 0; i < n; i++) {
      const row = /** @type {number[]} */ (array[i]);
      lengths[i] = row.length;
      for (let j = 0; j < row.length; j++) data[at++] = /** @type {number} */ (row[j]);
    }
    return { __logregPacked: 'rows', data, lengths };
  }
  const copy = [];
  for (let i = 0; i < n; i++) copy[i] = pack(array[i]);
  return copy;
}

/**
 * Restores what `pack` made: number[] and number[][] again.
 * @param {unknown} value
 * @returns {any}
 */
export function unpack(value) {
  if (value === null || typeof value !== 'object' || isFloat64Array(value)) return value;
  if (isArray(value)) {
    const copy = [];
    for (let i = 0; i < value.length; i++) copy[i] = unpack(value[i]);
    return copy;
  }
  const record = /** @type {Record<string, any>} */ (value);
  if (record.__logregPacked === 'vector') {
    const data = /** @type {Float64Array} */ (record.data);
    const out = new Array(data.length);
    for (let i = 0; i < data.length; i++) out[i] = data[i];
    return out;
  }
  if (record.__logregPacked === 'rows') {
    const data = /** @type {Float64Array} */ (record.data);
    const lengths = /** @type {Int32Array} */ (record.lengths);
    const out = new Array(lengths.length);
    let at = 0;
    for (let i = 0; i < lengths.length; i++) {
      const row = new Array(lengths[i]);
      for (let j = 0; j < row.length; j++) row[j] = data[at++];
      out[i] = row;
    }
    return out;
  }
  if (!isPlainObject(value)) return value;
  /** @type {Record<string, unknown>} */
  const copy = {};
  for (const key of ObjectKeys(record)) copy[key] = unpack(record[key]);
  return copy;
}

/**
 * An object literal of any realm: its prototype is null or some realm's Object.prototype
 * (which alone has a null prototype). Class instances, Maps and Dates are left to
 * structured clone.
 * @param {object} value
 */
function isPlainObject(value) {
  const proto = getPrototypeOf(value);
  return proto === null || getPrototypeOf(proto) === null;
}
